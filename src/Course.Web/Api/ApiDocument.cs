using Course.Core.Chapters;
using Course.Core.Comments;
using Course.Core.Editing;
using Course.Web.Api.Manage;
using Course.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Course.Web.Api;

/// <summary>
/// <c>/openapi/v1.json</c> as the API answers: how editors authenticate, and beside each operation's own
/// answers the ones the pipeline gives it (401/403 and 429 behind the key, 400/415 for a body, 404 for an
/// address with parameters, 429 where posting is limited), with optional request fields not marked required.
/// </summary>
public static class ApiDocument
{
    public const string ApiKeyScheme = "ApiKey";
    public const string CookieScheme = "BackofficeCookie";

    /// <summary>The fields of each request body that the rules require; any other field may be left out.</summary>
    private static readonly Dictionary<Type, string[]> RequiredInputFields = new()
    {
        [typeof(VideoInput)] = ["title", "source", "description"],
        [typeof(TechniqueInput)] = ["name"],
        [typeof(CommentInput)] = ["author", "body"],
        [typeof(ChapterEdit)] = ["index"],
        [typeof(ChapterPreviewRequest)] = [],
    };

    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.AddOpenApi(openApi =>
    {
        openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthentication.Header,
                Description = "Course:ManagementApiKey. Wrong keys are limited per client: 429 with Retry-After beyond them.",
            };
            document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = EditorSignIn.CookieName,
                Description = "The backoffice sign-in cookie (SameSite=Strict).",
            };
            return Task.CompletedTask;
        });
        openApi.AddOperationTransformer(AddPipelineAnswersAsync);
        openApi.AddSchemaTransformer((schema, context, _) =>
        {
            if (RequiredInputFields.TryGetValue(context.JsonTypeInfo.Type, out var required))
                schema.Required = new HashSet<string>(required);
            // A property left out when null (search hits' videoSlug, start, chapters) is not always there.
            else if (schema.Required is { Count: > 0 } listed)
                foreach (var property in context.JsonTypeInfo.Properties.Where(p => p.ShouldSerialize is not null))
                    listed.Remove(property.Name);
            return Task.CompletedTask;
        });
    });

    private static async Task AddPipelineAnswersAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var parameters = context.Description.ParameterDescriptions;
        var hasBody = parameters.Any(p => p.Source == BindingSource.Body) || metadata.OfType<IAcceptsMetadata>().Any();
        var editorsOnly = metadata.OfType<IAuthorizeData>().Any();
        var answers = new List<(int Status, string Description)>();
        if (hasBody || parameters.Any(p => p.Source == BindingSource.Query))
            answers.Add((StatusCodes.Status400BadRequest, "The input is invalid: errors names each field or parameter at fault."));
        if (editorsOnly)
        {
            answers.Add((StatusCodes.Status401Unauthorized, "No valid API key or sign-in cookie."));
            answers.Add((StatusCodes.Status403Forbidden, "Signed in, but not as an editor."));
        }
        if (parameters.Any(p => p.Source == BindingSource.Path))
            answers.Add((StatusCodes.Status404NotFound, "Nothing at this address."));
        var takesVersion = parameters.Any(p => p.Source == BindingSource.Header && p.Name == "If-Match");
        if (editorsOnly && (takesVersion || (context.Description.HttpMethod is "POST" or "PUT" or "PATCH" && hasBody)))
            answers.Add((StatusCodes.Status409Conflict, "The change clashes with another: a slug taken, or a concurrent save won."));
        if (takesVersion) answers.Add((StatusCodes.Status412PreconditionFailed, "If-Match names a version that is no longer the stored one."));
        if (hasBody) answers.Add((StatusCodes.Status415UnsupportedMediaType, "Send the body as application/json."));
        if (editorsOnly || metadata.OfType<EnableRateLimitingAttribute>().Any())
            answers.Add((StatusCodes.Status429TooManyRequests, "Too many requests (or wrong API keys) from this client: wait Retry-After seconds."));

        operation.Responses ??= new OpenApiResponses();
        foreach (var (status, description) in answers)
        {
            var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(code)) continue;
            var shape = status == StatusCodes.Status400BadRequest ? typeof(HttpValidationProblemDetails) : typeof(ProblemDetails);
            operation.Responses[code] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] = new() { Schema = await context.GetOrCreateSchemaAsync(shape, null, ct) },
                },
            };
        }
        if (editorsOnly)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] });
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] });
        }
    }
}
