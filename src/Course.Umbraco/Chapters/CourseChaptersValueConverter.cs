using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.PropertyEditors;
using static Course.Umbraco.Content.CourseDocumentTypes;

namespace Course.Umbraco.Chapters;

/// <summary>
/// Turns a <c>Course.Chapters</c> property (the description text) into <see cref="DescriptionChapters"/>: Course.Core
/// chapters with spans, ended by the video's <c>duration</c> property when it has one.
/// </summary>
public sealed class CourseChaptersValueConverter : PropertyValueConverterBase
{
    public override bool IsConverter(IPublishedPropertyType propertyType) => propertyType.EditorAlias == CourseChaptersDataEditor.Alias;

    public override Type GetPropertyValueType(IPublishedPropertyType propertyType) => typeof(DescriptionChapters);

    // The duration is another property of the same element: the value lives as long as the element does.
    public override PropertyCacheLevel GetPropertyCacheLevel(IPublishedPropertyType propertyType) => PropertyCacheLevel.Element;

    public override object? ConvertSourceToIntermediate(IPublishedElement owner, IPublishedPropertyType propertyType, object? source, bool preview) =>
        source as string ?? source?.ToString() ?? "";

    public override object? ConvertIntermediateToObject(
        IPublishedElement owner, IPublishedPropertyType propertyType, PropertyCacheLevel referenceCacheLevel, object? inter, bool preview) =>
        Read(owner, inter as string, Duration(owner));

    // The chapters block list's stored value (its source, not Umbraco's block models): the techniques of each chapter.
    private static DescriptionChapters Read(IPublishedElement owner, string? description, int? duration) =>
        DescriptionChapters.Read(owner.Key, description, duration,
            DescriptionChapters.Attached(owner.GetProperty(VideoProperties.Chapters)?.GetSourceValue(), duration));

    private static int? Duration(IPublishedElement owner) => owner.GetProperty(VideoProperties.Duration)?.GetValue() switch
    {
        int seconds when seconds > 0 => seconds,
        long seconds when seconds is > 0 and <= int.MaxValue => (int)seconds,
        string text when int.TryParse(text, out var seconds) && seconds > 0 => seconds,
        _ => null,
    };
}
