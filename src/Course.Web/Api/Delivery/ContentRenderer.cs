using Course.Web.Api.Delivery.Querying;

namespace Course.Web.Api.Delivery;

/// <summary>
/// Renders items as Umbraco's Delivery API does: property values as its value converters give them, and
/// <c>expand</c>/<c>fields</c> applied level by level as Umbraco's v2 output expansion strategy applies them.
/// </summary>
public sealed class ContentRenderer(DeliveryContent content, PropertySelection expand, PropertySelection fields)
{
    public ApiContentResponse Response(DeliveryItem item) =>
        Item(item, Properties(item.Properties, expand, fields, nested: false), new Dictionary<string, ApiContentRoute>());

    private ApiContentResponse Picked(DeliveryItem item, PropertySelection? expandHere, PropertySelection? fieldsHere) =>
        Item(item, Properties(item.Properties, expandHere, fieldsHere, nested: true), cultures: null);

    private static ApiContentResponse Item(DeliveryItem item, Dictionary<string, object?> properties, Dictionary<string, ApiContentRoute>? cultures) => new()
    {
        ContentType = item.ContentType,
        Name = item.Name,
        CreateDate = Utc(item.CreateDate),
        UpdateDate = Utc(item.UpdateDate),
        Route = DeliveryContent.RouteOf(item),
        Id = item.Key,
        Properties = properties,
        Cultures = cultures,
    };

    /// <param name="nested">Below the item answered: a picked item's properties are left out unless expanded.</param>
    /// <param name="element">A block's element, whose properties are always shown.</param>
    private Dictionary<string, object?> Properties(
        IReadOnlyList<DeliveryProperty> properties, PropertySelection? expandHere, PropertySelection? fieldsHere, bool nested, bool element = false)
    {
        var result = new Dictionary<string, object?>();
        if (nested && expandHere is null && !element) return result;
        foreach (var property in properties)
        {
            var fieldsNext = fieldsHere?.Next(property.Alias);
            if (fieldsHere is { ListsProperties: true } && fieldsNext is null) continue;
            result[property.Alias] = Value(property.Value, expandHere?.Next(property.Alias), fieldsNext);
        }
        return result;
    }

    private object? Value(PropertyValue value, PropertySelection? expandNext, PropertySelection? fieldsNext) => value switch
    {
        TextValue text => text.Text,
        NumberValue number => number.Number,
        TagsValue tags => tags.Tags,
        // Picks of items this answer cannot show (unpublished, deleted) are left out, as Umbraco's converter does.
        PickerValue picker => picker.Keys.Select(content.Find).OfType<DeliveryItem>().Select(item => Picked(item, expandNext, fieldsNext)).ToList(),
        BlockListValue blocks => new ApiBlockList(blocks.Elements
            .Select(e => new ApiBlockItem(new ApiElement(e.Key, e.ContentType, Properties(e.Properties, expandNext, fieldsNext, nested: true, element: true)), Settings: null))
            .ToList()),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "no renderer for this property value"),
    };

    // The store keeps UTC without a kind; the contract's date-time needs the offset written.
    private static DateTime Utc(DateTime date) => DateTime.SpecifyKind(date, DateTimeKind.Utc);
}
