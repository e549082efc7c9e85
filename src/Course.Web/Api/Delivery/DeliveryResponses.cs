using System.Text.Json.Serialization;

namespace Course.Web.Api.Delivery;

/// <summary>Umbraco's <c>IApiContent</c>: an item as a content picker shows it (properties only when expanded).</summary>
public class ApiContent
{
    [JsonPropertyOrder(0)] public string? ContentType { get; init; }
    [JsonPropertyOrder(1)] public string? Name { get; init; }
    [JsonPropertyOrder(2)] public DateTime CreateDate { get; init; }
    [JsonPropertyOrder(3)] public DateTime UpdateDate { get; init; }
    [JsonPropertyOrder(4)] public required ApiContentRoute Route { get; init; }
    [JsonPropertyOrder(5)] public Guid Id { get; init; }
    [JsonPropertyOrder(6)] public required IDictionary<string, object?> Properties { get; init; }
}

/// <summary>Umbraco's <c>IApiContentResponse</c>: an item answered on its own or in a list, with its cultures.</summary>
public sealed class ApiContentResponse : ApiContent
{
    /// <summary>Routes per culture; empty, as for any invariant Umbraco content.</summary>
    [JsonPropertyOrder(7)] public IReadOnlyDictionary<string, ApiContentRoute> Cultures { get; init; } = new Dictionary<string, ApiContentRoute>();
}

/// <summary>Umbraco's <c>IApiContentRoute</c>.</summary>
public sealed record ApiContentRoute(string Path, ApiContentStartItem StartItem);

/// <summary>Umbraco's <c>IApiContentStartItem</c>: the root the route is under.</summary>
public sealed record ApiContentStartItem(Guid Id, string Path);

/// <summary>Umbraco's <c>PagedViewModel&lt;IApiContentResponse&gt;</c>.</summary>
public sealed record PagedApiContentResponse(long Total, IReadOnlyList<ApiContentResponse> Items);

/// <summary>Umbraco's <c>ApiBlockListModel</c>: a block list's items.</summary>
public sealed record ApiBlockList(IReadOnlyList<ApiBlockItem> Items);

/// <summary>A block: its content element and its settings element (Course's chapters have no settings).</summary>
public sealed record ApiBlockItem(ApiElement Content, ApiElement? Settings);

/// <summary>Umbraco's <c>IApiElement</c>: a block's element.</summary>
public sealed record ApiElement(Guid Id, string ContentType, IDictionary<string, object?> Properties);
