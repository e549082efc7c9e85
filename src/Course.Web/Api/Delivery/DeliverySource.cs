using Course.Core.Content;
using Course.Data.Content;
using Course.Web.Api.Delivery.Querying;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Course.Web.Api.Delivery;

/// <summary>
/// Where a request's content comes from: the published cache, or with <c>Preview: true</c> the editors'
/// drafts from the content services. The published view is built once per published snapshot.
/// </summary>
public sealed class DeliverySource(PublishedContentCache published, VideoService videos, TechniqueService techniques)
{
    private sealed record View(PublishedContent Source, DeliveryContent Content);

    private volatile View? current;

    /// <summary>The request's content, start item and rendering; or, when a parameter or header is refused, why.</summary>
    public async Task<(DeliveryRequest? Request, ProblemHttpResult? Refused)> OpenAsync(
        DeliveryHeaders headers, string? expand, string? fields, CancellationToken cancellationToken)
    {
        if (Selection("expand", expand, PropertySelection.ExpandNone, out var problem) is not { } expandSelection) return (null, DeliveryApi.BadParameter(problem!));
        if (Selection("fields", fields, PropertySelection.IncludeAll, out problem) is not { } fieldsSelection) return (null, DeliveryApi.BadParameter(problem!));

        var content = string.Equals(headers.Preview, "true", StringComparison.OrdinalIgnoreCase)
            ? new DeliveryContent(await videos.ListAsync(cancellationToken), await techniques.ListAsync(cancellationToken), preview: true)
            : PublishedView();

        DeliveryItem? startItem = null;
        if (!string.IsNullOrWhiteSpace(headers.StartItem) && (startItem = content.FindRoot(headers.StartItem)) is null)
            return (null, DeliveryApi.NotFound($"The Start-Item could not be found: \"{headers.StartItem}\"."));
        return (new DeliveryRequest(content, startItem, new ContentRenderer(content, expandSelection, fieldsSelection)), null);
    }

    private DeliveryContent PublishedView()
    {
        var snapshot = published.Current;
        if (current is { } view && ReferenceEquals(view.Source, snapshot)) return view.Content;
        var content = DeliveryContent.Published(snapshot);
        current = new View(snapshot, content);
        return content;
    }

    private static PropertySelection? Selection(string parameter, string? value, PropertySelection absent, out QueryProblem? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(value)) return absent;
        if (PropertySelection.TryParse(value, out var error) is { } selection) return selection;
        problem = new QueryProblem(parameter, $"Invalid '{parameter}' parameter",
            $"'{parameter}' is \"{value}\": {error}. Use properties[$all], properties[alias1,alias2] or properties[alias1[properties[nestedAlias]]].");
        return null;
    }
}

/// <summary>What a handler works with: the content to read, the start item asked for, and how to render items.</summary>
public sealed record DeliveryRequest(DeliveryContent Content, DeliveryItem? StartItem, ContentRenderer Renderer);
