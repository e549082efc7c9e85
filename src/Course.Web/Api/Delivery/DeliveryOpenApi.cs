using System.Text.Json.Nodes;
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

    private const string QueryDocs = "Refer to [the documentation](https://docs.umbraco.com/umbraco-cms/reference/content-delivery-api#query-parameters) for more details on this.";

    // Umbraco's own wording, so that generated clients document the parameters alike.
    private static readonly Dictionary<string, string> ParameterDescriptions = new()
    {
        ["fetch"] = $"Specifies the content items to fetch. {QueryDocs}",
        ["filter"] = $"Defines how to filter the fetched content items. {QueryDocs}",
        ["sort"] = $"Defines how to sort the found content items. {QueryDocs}",
        ["skip"] = "Specifies the number of found content items to skip. Use this to control pagination of the response.",
        ["take"] = "Specifies the number of found content items to take. Use this to control pagination of the response.",
        ["expand"] = $"Defines the properties that should be expanded in the response. {QueryDocs}",
        ["fields"] = $"Explicitly defines which properties should be included in the response (by default all properties are included). {QueryDocs}",
        ["Accept-Language"] = "Defines the language to return. Use this when querying language variant content items.",
        ["Accept-Segment"] = "Defines the segment to return. Use this when querying segment variant content items.",
        ["Preview"] = "Whether to request draft content.",
        ["Start-Item"] = "URL segment or GUID of a root content item.",
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
        options.AddOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
            {
                parameter.Description ??= ParameterDescriptions.GetValueOrDefault(parameter.Name ?? "");
                // skip, take and Preview are bound as text (so that a bad value is named in the answer, and Preview
                // is false unless "true", as Umbraco reads it), but are numbers and a boolean to clients.
                parameter.Schema = parameter.Name switch
                {
                    "skip" or "take" => new OpenApiSchema
                    {
                        Type = JsonSchemaType.Integer, Format = "int32",
                        Default = JsonValue.Create(parameter.Name == "take" ? Querying.ContentQuery.DefaultTake : 0),
                    },
                    "Preview" => new OpenApiSchema { Type = JsonSchemaType.Boolean },
                    _ => parameter.Schema,
                };
            }
            return Task.CompletedTask;
        });
    }
}
