using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Course.Web.Api.Delivery;

/// <summary>
/// The Delivery API's own OpenAPI document, named and secured as Umbraco's (title, <c>ApiKeyAuth</c>
/// scheme, operation ids, schema names), so clients generated from either work against both.
/// </summary>
internal static class DeliveryOpenApi
{
    private static readonly Dictionary<string, string> UmbracoSchemaNames = new()
    {
        [nameof(ApiContentResponse)] = "IApiContentResponseModel",
        [nameof(ApiContentRoute)] = "IApiContentRouteModel",
        [nameof(ApiContentStartItem)] = "IApiContentStartItemModel",
        [nameof(PagedApiContentResponse)] = "PagedIApiContentResponseModel",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.GroupName == DeliveryApi.DocumentName;
        options.CreateSchemaReferenceId = type =>
            OpenApiOptions.CreateDefaultSchemaReferenceId(type) is { } name ? UmbracoSchemaNames.GetValueOrDefault(name, name) : null;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Umbraco Delivery API",
                Description = "Course's content through Umbraco's Content Delivery API v2. You can find out more about the Umbraco Delivery API in [the documentation](https://docs.umbraco.com/umbraco-cms/reference/content-delivery-api).",
                Version = "Latest",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["ApiKeyAuth"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                Description = "API key specified through configuration to authorize access to the API.",
                Name = DeliveryHeaders.ApiKey,
                In = ParameterLocation.Header,
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKeyAuth", document)] = [] });
            return Task.CompletedTask;
        });
        // skip and take are bound as text (so a bad value is named in the answer) but are integers to clients.
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in operation.Parameters ?? [])
            {
                if (parameter is OpenApiParameter { Name: "skip" or "take" } paging)
                    paging.Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Default = System.Text.Json.Nodes.JsonValue.Create(paging.Name == "take" ? Querying.ContentQuery.DefaultTake : 0) };
            }
            return Task.CompletedTask;
        });
    }
}
