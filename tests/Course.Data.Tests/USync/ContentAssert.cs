using Course.Core.Content;

namespace Course.Data.Tests.USync;

/// <summary>Field-by-field equality for content records, whose list members records compare by reference.</summary>
internal static class ContentAssert
{
    public static void Same(Video expected, Video actual)
    {
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.Title, actual.Title);
        Assert.Equal(expected.Slug, actual.Slug);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Duration, actual.Duration);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Published, actual.Published);
        Assert.Equal(expected.CreateDate, actual.CreateDate);
        Assert.Equal(expected.UpdateDate, actual.UpdateDate);
        Assert.Equal(expected.SortOrder, actual.SortOrder);
        Assert.Equal(expected.Chapters.Count, actual.Chapters.Count);
        foreach (var (e, a) in expected.Chapters.Zip(actual.Chapters))
        {
            Assert.Equal(e with { TechniqueKeys = [] }, a with { TechniqueKeys = [] });
            Assert.Equal(e.TechniqueKeys, a.TechniqueKeys);
        }
        Assert.Equal(expected.Captions.Count, actual.Captions.Count);
        foreach (var (e, a) in expected.Captions.Zip(actual.Captions))
        {
            Assert.Equal(e with { Cues = [] }, a with { Cues = [] });
            Assert.Equal(e.Cues, a.Cues);
        }
    }

    public static void Same(Technique expected, Technique actual)
    {
        Assert.Equal(expected with { Muscles = [], Regions = [] }, actual with { Muscles = [], Regions = [] });
        Assert.Equal(expected.Muscles, actual.Muscles);
        Assert.Equal(expected.Regions, actual.Regions);
    }
}
