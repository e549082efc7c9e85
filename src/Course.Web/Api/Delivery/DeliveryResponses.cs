using System.Text.Json.Serialization;

namespace Course.Web.Api.Delivery;

/// <summary>
/// Umbraco's <c>IApiContentResponse</c>: an item answered on its own or in a list. A picked item inside a
/// property is Umbraco's <c>IApiContent</c>, the same without <c>cultures</c>.
/// </summary>
public sealed class ApiContentResponse
{
    public string? ContentType { get; init; }
    public string? Name { get; init; }
    public DateTime CreateDate { get; init; }
    public DateTime UpdateDate { get; init; }
    public required ApiContentRoute Route { get; init; }
    public Guid Id { get; init; }
    public required IDictionary<string, object?> Properties { get; init; }

    /// <summary>Routes per culture: empty, as for any invariant Umbraco content; absent on a picked item.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, ApiContentRoute>? Cultures { get; init; }
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
