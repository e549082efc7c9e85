using System.Text;
using System.Xml.Linq;
using Course.Core.Captions;
using Course.Core.Content;
using Course.Data.USync;

namespace Course.Data.Tests.USync;

public class USyncContentSerializerTests
{
    private readonly USyncContentSerializer _serializer = new();

    private static readonly DateTime Created = new(2026, 2, 3, 4, 5, 6);

    private static readonly Video Video = new()
    {
        Key = new("0b7e9c1a-5d0f-4a83-9a43-6f2b1c7d8e90"),
        Title = "Shoulder <work> & “quotes”",
        Slug = "shoulder-work",
        Source = "https://www.youtube.com/watch?v=abc",
        Duration = 300,
        Description = "Line one\nTable of contents:\n0:00 Start\n1:40 Middle ]]> part\n\nLast paragraph.",
        Published = false,
        CreateDate = Created,
        UpdateDate = Created,
        SortOrder = 4,
        Chapters =
        [
            new() { Key = new("7a0c5f0e-0f6f-4b9d-8d8a-0a9f1b2c3d4e"), Index = 0, Title = "Start", Slug = "start", Start = 0, End = 100, Notes = "Note with \"quotes\"\nand a line" },
            new()
            {
                Key = new("8b1d6a1f-1a7a-4cae-9e9b-1bad2c3d4e5f"), Index = 1, Title = "Middle “part”", Slug = "middle-part", Start = 100, End = 300,
                TechniqueKeys = [new("11111111-2222-4333-8444-555555555555"), new("66666666-7777-4888-9999-aaaaaaaaaaaa")],
            },
        ],
    };

    private static readonly Technique Technique = new()
    {
        Key = new("c0ffee00-1234-4abc-8def-0123456789ab"),
        Name = "Cross-fibre friction",
        Slug = "cross-fibre-friction",
        Summary = "Short strokes across the fibres.",
        Body = "First paragraph.\n\nSecond paragraph with ]]> in it.",
        Muscles = ["gluteus medius", "piriformis"],
        Regions = ["hip"],
        Published = true,
        CreateDate = Created,
        UpdateDate = Created,
    };

    [Fact]
    public void A_video_reads_back_field_by_field()
    {
        var node = _serializer.Deserialize(Reparse(_serializer.Serialize(Video)), "video.config");

        ContentAssert.Same(Video, Assert.IsType<USyncVideo>(node).Video);
    }

    private static readonly Video Captioned = Video with
    {
        Captions =
        [
            new CaptionTrack
            {
                Key = new("d4c3b2a1-0f9e-4d8c-b7a6-958473625140"), Language = "pt-BR", Label = "Português (Brasil)",
                Cues =
                [
                    new(TimeSpan.FromMilliseconds(1250), TimeSpan.FromSeconds(4), "Olá <i>quadril</i> &amp; “aspas” ]]>\nsegunda linha"),
                    new(TimeSpan.FromSeconds(4), TimeSpan.FromMilliseconds(299_999), "Última."),
                ],
            },
            new CaptionTrack { Key = new("e5d4c3b2-a10f-4e9d-8c7b-a69584736251"), Language = "en", Label = "English", Cues = [new(TimeSpan.Zero, TimeSpan.FromSeconds(1), "Hello.")] },
        ],
    };

    [Fact]
    public void Captions_read_back_and_export_again_byte_for_byte()
    {
        var written = _serializer.Serialize(Captioned);

        var read = Assert.IsType<USyncVideo>(_serializer.Deserialize(Reparse(written), "video.config")).Video;

        ContentAssert.Same(Captioned, read);
        Assert.Equal(Captioned.Captions.Select(c => c.ToWebVtt()), read.Captions.Select(c => c.ToWebVtt()));
        Assert.Equal(written.ToString(), _serializer.Serialize(read).ToString());
    }

    [Fact]
    public void A_broken_caption_track_in_a_file_is_reported_with_the_track_and_its_line()
    {
        var text = _serializer.Serialize(Captioned).ToString().Replace("00:00:04.000 --> 00:04:59.999", "00:00:04.000 --> 00:06:00.000");

        var problem = Assert.Throws<USyncFormatException>(() => _serializer.Deserialize(XDocument.Parse(text, LoadOptions.SetLineInfo), "video.config")).Problem;

        Assert.Contains("caption 1 (d4c3b2a1-0f9e-4d8c-b7a6-958473625140) track line 7: the cue ends at 00:06:00.000, after the end of the video at 5:00", problem.Message);
    }

    [Fact]
    public void A_technique_reads_back_field_by_field()
    {
        var node = _serializer.Deserialize(Reparse(_serializer.Serialize(Technique)), "technique.config");

        ContentAssert.Same(Technique, Assert.IsType<USyncTechnique>(node).Technique);
    }

    [Fact]
    public void Empty_values_read_back_empty()
    {
        var bare = Video with { Duration = null, Description = "", Chapters = [], Source = "" };
        var bareTechnique = Technique with { Muscles = [], Regions = [], Summary = "", Body = "" };

        ContentAssert.Same(bare, ((USyncVideo)_serializer.Deserialize(Reparse(_serializer.Serialize(bare)), "v.config")).Video);
        ContentAssert.Same(bareTechnique,
            ((USyncTechnique)_serializer.Deserialize(Reparse(_serializer.Serialize(bareTechnique)), "t.config")).Technique);
    }

    [Fact]
    public void The_last_chapter_ends_where_the_video_does_or_is_open_when_the_duration_is_unknown()
    {
        var unknown = Video with { Duration = null, Chapters = [Video.Chapters[0], Video.Chapters[1] with { End = null }] };

        var read = ((USyncVideo)_serializer.Deserialize(Reparse(_serializer.Serialize(unknown)), "v.config")).Video;

        Assert.Equal([100, (int?)null], read.Chapters.Select(c => c.End));
    }

    [Fact]
    public void Text_xml_cannot_hold_is_written_escaped_and_reads_back_unchanged()
    {
        // Every C0 control, U+FFFE, U+FFFF, unpaired surrogates, text that looks like an escape, and a real pair.
        var body = string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) + "\uFFFE\uFFFF \\u0041 \\ \uD800 tail \uDC00 \uD83D\uDE00 end";
        var technique = Technique with { Name = "Name\u0000with NUL", Summary = "Sum\u0001mary", Body = body.Replace("\r", ""), Muscles = ["pir\u0002iformis"] };
        var video = Video with
        {
            Title = "Title\u001F", Description = "Desc\u0007\n0:00 Start",
            Chapters = [Video.Chapters[0] with { Title = "Start\u0004", Notes = "Note\u0003 \uD800" }, Video.Chapters[1]],
        };

        ContentAssert.Same(technique, ((USyncTechnique)_serializer.Deserialize(Reparse(_serializer.Serialize(technique)), "t.config")).Technique);
        // Chapters are JSON, whose writer escapes controls itself and can only write an unpaired surrogate as U+FFFD.
        var expected = video with { Chapters = [video.Chapters[0] with { Notes = "Note\u0003 \uFFFD" }, video.Chapters[1]] };
        ContentAssert.Same(expected, ((USyncVideo)_serializer.Deserialize(Reparse(_serializer.Serialize(video)), "v.config")).Video);
        var text = Encoding.UTF8.GetString(Bytes(_serializer.Serialize(technique)));
        Assert.Contains("<NodeName Escaped=\"u\" Default=\"Name\\u0000with NUL\" />", text);
        Assert.Contains("<Value Escaped=\"u\"><![CDATA[Sum\\u0001mary]]></Value>", text);
        // A value XML can hold is written as uSync writes it, backslashes and all.
        var plain = Technique with { Summary = @"C:\path \u0041" };
        Assert.Contains(@"<Value><![CDATA[C:\path \u0041]]></Value>", Encoding.UTF8.GetString(Bytes(_serializer.Serialize(plain))));
    }

    [Fact]
    public void Writes_the_bytes_uSync_writes()
    {
        var bytes = Bytes(_serializer.Serialize(Video));
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("\uFEFF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Content Key=\"0b7e9c1a-5d0f-4a83-9a43-6f2b1c7d8e90\"", text);
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("</Content>", text);
        Assert.Contains("\n    <Published Default=\"false\" />\n", text);
        Assert.Contains("<Parent Key=\"00000000-0000-0000-0000-000000000000\"></Parent>", text);
        Assert.Contains("<Path>/ShoulderWorkQuotes</Path>", text);
        Assert.Contains("umb://document/11111111222243338444555555555555,umb://document/66666666777748889999aaaaaaaaaaaa", text);
        // Properties sorted by alias; JSON keys sorted, indented by two spaces.
        var aliases = XDocument.Parse(text.TrimStart('\uFEFF')).Root!.Element("Properties")!.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.Equal(["captions", "chapters", "description", "duration", "source", "umbracoUrlName"], aliases);
        Assert.Contains("<Value><![CDATA[{\n  \"contentData\": [\n    {\n      \"contentTypeKey\": ", text);
        Assert.Equal(bytes, Bytes(_serializer.Serialize(Video)));
    }

    [Fact]
    public void Reads_files_without_a_BOM_and_JSON_in_any_key_order_and_case()
    {
        const string xml = """
            <Content Key="0B7E9C1A-5D0F-4A83-9A43-6F2B1C7D8E90" Alias="Hand written" Level="1">
              <Info>
                <ContentType>courseVideo</ContentType>
                <CreateDate>2026-02-03T04:05:06</CreateDate>
                <NodeName Default="Hand written" />
                <Published Default="True" />
              </Info>
              <Properties>
                <duration><Value>90</Value></duration>
                <chapters><Value><![CDATA[{"Layout":{"umbraco.blockList":[{"ContentKey":"8b1d6a1f-1a7a-4cae-9e9b-1bad2c3d4e5f"},{"contentKey":"7a0c5f0e-0f6f-4b9d-8d8a-0a9f1b2c3d4e"}]},
                  "ContentData":[
                    {"Values":[{"Value":"B","Alias":"title"},{"value":"30","alias":"start"}],"KEY":"7a0c5f0e-0f6f-4b9d-8d8a-0a9f1b2c3d4e"},
                    {"key":"8b1d6a1f-1a7a-4cae-9e9b-1bad2c3d4e5f","values":[{"alias":"start","value":0},{"alias":"title","value":"A"},{"alias":"techniques","value":"umb://document/11111111222243338444555555555555"}]}]}]]></Value></chapters>
              </Properties>
            </Content>
            """;

        var video = ((USyncVideo)_serializer.Deserialize(XDocument.Parse(xml, LoadOptions.SetLineInfo), "hand.config")).Video;

        Assert.Equal("hand-written", video.Slug);
        Assert.True(video.Published);
        Assert.Equal(["A", "B"], video.Chapters.Select(c => c.Title));
        Assert.Equal([0, 30], video.Chapters.Select(c => c.Start));
        Assert.Equal([30, (int?)90], video.Chapters.Select(c => c.End));
        Assert.Equal([0, 1], video.Chapters.Select(c => c.Index));
        Assert.Equal([new Guid("11111111-2222-4333-8444-555555555555")], video.Chapters[0].TechniqueKeys);
    }

    [Theory]
    [InlineData("<Content Alias=\"x\" Level=\"1\">", 1, "has no Key attribute")]
    [InlineData("<Content Key=\"not-a-guid\" Alias=\"x\" Level=\"1\">", 1, "is not a GUID")]
    public void A_bad_key_is_reported_at_its_line(string rootTag, int line, string message)
    {
        var xml = rootTag + "\n" + Body("courseVideo", "<duration><Value>60</Value></duration>") + "\n</Content>";

        var problem = Assert.Throws<USyncFormatException>(() => Read(xml)).Problem;

        Assert.Equal(("bad.config", (int?)line), (problem.File, problem.Line));
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void A_bad_duration_is_reported_at_its_line()
    {
        var xml = "<Content Key=\"0b7e9c1a-5d0f-4a83-9a43-6f2b1c7d8e90\">\n" + Body("courseVideo", "\n<duration>\n<Value>long</Value></duration>") + "\n</Content>";

        var e = Assert.Throws<USyncFormatException>(() => Read(xml));

        Assert.Equal(9, e.Line);
        Assert.Equal("bad.config line 9: \"long\" is not a whole number", e.Message);
    }

    [Fact]
    public void Malformed_chapter_JSON_is_reported_at_its_line_in_the_file()
    {
        var xml = "<Content Key=\"0b7e9c1a-5d0f-4a83-9a43-6f2b1c7d8e90\">\n" + Body("courseVideo", "<chapters><Value><![CDATA[{\n\"layout\": {\n}}}]]></Value></chapters>") + "\n</Content>";

        var e = Assert.Throws<USyncFormatException>(() => Read(xml));

        Assert.Equal(9, e.Line);
    }

    [Theory]
    [InlineData("document", "is not one of Course's document types")]
    [InlineData("technique", null)]
    public void Only_Course_document_types_are_read(string contentType, string? message)
    {
        var xml = "<Content Key=\"0b7e9c1a-5d0f-4a83-9a43-6f2b1c7d8e90\">\n" + Body(contentType, "") + "\n</Content>";

        if (message is null) Assert.IsType<USyncTechnique>(Read(xml));
        else Assert.Contains(message, Assert.Throws<USyncFormatException>(() => Read(xml)).Message);
    }

    private USyncNode Read(string xml) => _serializer.Deserialize(XDocument.Parse(xml, LoadOptions.SetLineInfo), "bad.config");

    // Lines 2–7 of a test document: Info, then the given properties.
    private static string Body(string contentType, string properties) => $"""
          <Info>
            <ContentType>{contentType}</ContentType>
            <CreateDate>2026-02-03T04:05:06</CreateDate>
            <NodeName Default="Name" />
          </Info>
          <Properties>{properties}</Properties>
        """;

    private static byte[] Bytes(XDocument document) => USyncFile.Bytes(document);

    /// <summary>Through bytes and back, as a file on disk would go.</summary>
    private static XDocument Reparse(XDocument document) =>
        XDocument.Load(new MemoryStream(USyncFile.Bytes(document)), LoadOptions.SetLineInfo);
}
