using Course.Core.Content;

namespace Course.Core.Tests.Content;

public sealed class ChapterLinkTests
{
    private static readonly Video Video = new()
    {
        Key = Guid.NewGuid(), Title = "Sciatica myofascial release techniques", Slug = "sciatica", Source = "/media/s.webm", Published = true,
    };

    [Theory]
    [InlineData(1104, "Sciatica myofascial release techniques, 18:24")]
    [InlineData(5, "Sciatica myofascial release techniques, 0:05")]
    [InlineData(3725, "Sciatica myofascial release techniques, 1:02:05")]
    public void Citation_names_the_video_and_the_start(int start, string expected)
    {
        var chapter = new Chapter { Key = Guid.NewGuid(), Index = 0, Title = "Pin and stretch", Slug = "pin-and-stretch", Start = start };
        Assert.Equal(expected, new ChapterLink(Video, chapter).Citation);
    }
}
