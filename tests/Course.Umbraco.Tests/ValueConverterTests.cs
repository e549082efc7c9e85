using Course.Umbraco.Chapters;
using Umbraco.Cms.Core.Models.PublishedContent;
using Umbraco.Cms.Core.PropertyEditors;

namespace Course.Umbraco.Tests;

/// <summary>The chapters property's value converter, called as Umbraco's published cache calls it (fake element and property type).</summary>
public sealed class ValueConverterTests
{
    private readonly CourseChaptersValueConverter converter = new();

    [Fact]
    public void Turns_the_seed_description_into_its_eighteen_chapters_ended_by_the_duration()
    {
        var videoKey = Guid.NewGuid();
        var owner = Fake<IPublishedElement>.With(
            ("Key", _ => videoKey),
            ("GetProperty", args => (string)args[0]! == "duration" ? Fake<IPublishedProperty>.With(("GetValue", _ => 1260)) : null));
        var type = PropertyType(CourseChaptersDataEditor.Alias);

        var source = converter.ConvertSourceToIntermediate(owner, type, UmbracoContent.SeedDescription, preview: false);
        var value = Assert.IsType<DescriptionChapters>(converter.ConvertIntermediateToObject(owner, type, PropertyCacheLevel.Element, source, preview: false));

        Assert.True(converter.IsConverter(type));
        Assert.Equal(18, value.Chapters.Count);
        Assert.Empty(value.TableOfContents.Problems);
        Assert.Equal((0, "Introduction"), (value.Chapters[0].Start, value.Chapters[0].Title));
        Assert.Equal((880, "using-open-fists-for-myofascial-release"), (value.Chapters[14].Start, value.Chapters[14].Slug));
        Assert.Equal(1260, value.Chapters[^1].End);
        // Keys come from the video and the slug: reading the same description again gives the same chapters.
        var again = DescriptionChapters.Read(videoKey, UmbracoContent.SeedDescription, 1260);
        Assert.Equal(value.Chapters, again.Chapters);
    }

    [Fact]
    public void Converts_only_the_chapters_editor()
    {
        Assert.False(converter.IsConverter(PropertyType("Umbraco.TextArea")));
        Assert.Equal(typeof(DescriptionChapters), converter.GetPropertyValueType(PropertyType(CourseChaptersDataEditor.Alias)));
    }

    private static IPublishedPropertyType PropertyType(string editorAlias) => Fake<IPublishedPropertyType>.With(("EditorAlias", _ => editorAlias));
}
