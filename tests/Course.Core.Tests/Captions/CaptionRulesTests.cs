using System.Text;
using Course.Core.Captions;
using Course.Core.Chapters;
using Course.Core.Content;
using Course.Core.Editing;

namespace Course.Core.Tests.Captions;

public class CaptionRulesTests
{
    private static CaptionCheck Check(string text, CaptionFormat format = CaptionFormat.WebVtt, int? duration = null) =>
        CaptionRules.Check(Encoding.UTF8.GetBytes(text), format, duration);

    private static string Problems(CaptionCheck check) => string.Join(" | ", check.Problems);

    private const string GoodVtt = """
        WEBVTT - Sciatica

        NOTE made for the tests

        intro
        00:01.000 --> 00:04.500 align:start
        When you get clients with <i>low back pain</i>,

        00:00:04.500 --> 00:00:09.000
        I recommend always
        asking about the hips &amp; pelvis.
        """;

    [Fact]
    public void A_webvtt_file_reads_into_cues_without_identifiers_notes_or_settings()
    {
        var check = Check(GoodVtt, duration: 10);

        Assert.True(check.IsValid, Problems(check));
        Assert.Equal(2, check.Cues.Count);
        Assert.Equal(new CaptionCue(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(4500), "When you get clients with <i>low back pain</i>,"), check.Cues[0]);
        Assert.Equal("I recommend always asking about the hips & pelvis.", check.Cues[1].PlainText);
        Assert.Equal("""
            WEBVTT

            00:00:01.000 --> 00:00:04.500
            When you get clients with <i>low back pain</i>,

            00:00:04.500 --> 00:00:09.000
            I recommend always
            asking about the hips &amp; pelvis.

            """.ReplaceLineEndings("\n"), WebVttWriter.Write(check.Cues));
    }

    [Fact]
    public void A_subrip_file_with_crlf_and_a_byte_order_mark_reads_like_webvtt()
    {
        var srt = "\uFEFF1\r\n00:00:01,000 --> 00:00:04,500\r\n{\\an8}<font color=\"#fff\">When you get clients</font>\r\n\r\n2\r\n00:00:04,500 --> 00:00:09,000\r\n<i>with low back pain</i>\r\n";

        var check = Check(srt, CaptionFormat.SubRip, duration: 9);

        Assert.True(check.IsValid, Problems(check));
        Assert.Equal(["When you get clients", "<i>with low back pain</i>"], check.Cues.Select(c => c.Text));
        Assert.Equal(TimeSpan.FromMilliseconds(4500), check.Cues[1].Start);
    }

    [Fact]
    public void Normalised_webvtt_reads_back_to_the_same_cues_and_bytes()
    {
        var first = Check(GoodVtt).Cues;
        var written = WebVttWriter.Write(first);
        var again = Check(written).Cues;

        Assert.Equal(first, again);
        Assert.Equal(written, WebVttWriter.Write(again));
    }

    [Fact]
    public void A_file_without_the_webvtt_line_is_reported_at_line_1() =>
        Assert.Equal("line 1: a WebVTT file starts with the line WEBVTT", Problems(Check("00:01.000 --> 00:02.000\nHello\n")));

    [Fact]
    public void A_block_without_a_timing_line_is_reported_at_its_first_line() =>
        Assert.Equal(
            "line 6: 'asking about the hips' is not a cue timing line (00:00:01.000 --> 00:00:04.000) and no timing line follows it",
            Problems(Check("WEBVTT\n\n00:01.000 --> 00:02.000\nI recommend always\n\nasking about the hips\n")));

    [Fact]
    public void A_malformed_time_is_reported_at_its_timing_line() =>
        Assert.Equal(
            "line 3: '00:01.5' is not a WebVTT time: write mm:ss.ttt or hh:mm:ss.ttt, minutes and seconds below 60",
            Problems(Check("WEBVTT\n\n00:01.5 --> 00:02.000\nHello\n")));

    [Fact]
    public void Seconds_of_60_are_not_a_time() =>
        Assert.StartsWith("line 3: '00:60.000' is not a WebVTT time", Problems(Check("WEBVTT\n\n00:59.000 --> 00:60.000\nHello\n")));

    [Fact]
    public void A_cue_that_ends_before_it_starts_is_reported_at_its_timing_line() =>
        Assert.Equal(
            "line 6: the cue ends at 00:00:03.000, not after its start at 00:00:04.000",
            Problems(Check("WEBVTT\n\n00:01.000 --> 00:02.000\nOne\n\n00:04.000 --> 00:03.000\nTwo\n")));

    [Fact]
    public void A_cue_out_of_order_is_reported_with_the_cue_above_it() =>
        Assert.Equal(
            "line 6: the cue starts at 00:00:02.000, before the cue above it (line 3) at 00:00:05.000: cues go in time order",
            Problems(Check("WEBVTT\n\n00:05.000 --> 00:06.000\nOne\n\n00:02.000 --> 00:03.000\nTwo\n")));

    [Fact]
    public void A_cue_past_the_end_of_the_video_is_reported() =>
        Assert.Equal(
            "line 3: the cue ends at 00:00:12.500, after the end of the video at 0:10",
            Problems(Check("WEBVTT\n\n00:09.000 --> 00:12.500\nOne\n", duration: 10)));

    [Fact]
    public void A_cue_may_end_within_the_second_after_a_whole_second_duration() =>
        Assert.True(Check("WEBVTT\n\n00:09.000 --> 00:10.900\nOne\n", duration: 10).IsValid);

    [Fact]
    public void Bytes_that_are_not_utf8_are_reported_at_their_line_and_column()
    {
        var bytes = Encoding.UTF8.GetBytes("WEBVTT\n\n00:01.000 --> 00:02.000\n").ToList();
        bytes.AddRange(Encoding.Latin1.GetBytes("Caf\u00e9 au lait\n"));

        var check = CaptionRules.Check(bytes.ToArray(), CaptionFormat.WebVtt, null);

        Assert.Equal("line 4: is not UTF-8 text (byte 0xE9 at column 4): save the file with UTF-8 encoding", Problems(check));
        Assert.Empty(check.Cues);
    }

    [Fact]
    public void Text_that_runs_into_the_next_cue_is_reported_where_the_blank_line_is_missing() =>
        Assert.Equal(
            "line 5: cue text cannot hold '-->': is the blank line before this timing line missing?",
            Problems(Check("WEBVTT\n\n00:01.000 --> 00:02.000\nOne\n00:02.000 --> 00:03.000\nTwo\n")));

    [Fact]
    public void A_subrip_block_that_is_neither_numbered_nor_timed_is_reported() =>
        Assert.Equal(
            "line 5: 'and more words' is neither a cue number nor a timing line (00:00:01,000 --> 00:00:04,000)",
            Problems(Check("1\n00:00:01,000 --> 00:00:02,000\nOne\n\nand more words\n", CaptionFormat.SubRip)));

    [Fact]
    public void A_subrip_time_written_the_webvtt_way_without_hours_is_reported() =>
        Assert.Equal(
            "line 2: '00:01,000' is not a SubRip time: write hh:mm:ss,ttt, minutes and seconds below 60",
            Problems(Check("1\n00:01,000 --> 00:00:02,000\nOne\n", CaptionFormat.SubRip)));

    [Fact]
    public void A_file_with_no_cues_is_reported() =>
        Assert.Equal("line 1: the file has no cues", Problems(Check("WEBVTT\n\nNOTE nothing yet\n")));

    [Fact]
    public void Every_problem_is_reported_in_line_order_and_no_cue_is_kept()
    {
        var check = Check("WEBVTT\n\n00:05.000 --> 00:04.000\nOne\n\n00:01.000 --> 00:02.000\nTwo\n\nstray\n", duration: 2);

        Assert.Equal([3, 3, 6, 9], check.Problems.Select(p => p.Line));
        Assert.Empty(check.Cues);
    }

    [Fact]
    public void A_file_too_large_is_refused_before_it_is_read() =>
        Assert.StartsWith("line 1: the file has", Problems(CaptionRules.Check(new byte[CaptionRules.MaxBytes + 1], CaptionFormat.WebVtt, null)));

    [Theory]
    [InlineData("en", "en")]
    [InlineData("pt-br", "pt-BR")]
    [InlineData("zh_hant_tw", "zh-Hant-TW")]
    [InlineData("es-419", "es-419")]
    [InlineData("english", null)]
    [InlineData("e", null)]
    [InlineData("en-", null)]
    [InlineData("../en", null)]
    public void Language_tags_are_checked_and_cased(string tag, string? normalised) =>
        Assert.Equal(normalised, LanguageTag.Normalize(tag));

    [Fact]
    public void A_track_needs_a_language_tag_and_a_one_line_label()
    {
        var errors = new InputErrors();
        Assert.Null(CaptionRules.CheckTrack("english", "English\nUK", errors));
        Assert.Equal(["lang", "label"], errors.ToDictionary().Keys);
        Assert.Equal(("en-GB", "English (UK)"), CaptionRules.CheckTrack("en-gb", " English (UK) ", new InputErrors()));
    }

    [Theory]
    [InlineData("text/vtt", CaptionFormat.WebVtt)]
    [InlineData("text/vtt; charset=utf-8", CaptionFormat.WebVtt)]
    [InlineData("application/x-subrip", CaptionFormat.SubRip)]
    [InlineData("text/plain", null)]
    [InlineData(null, null)]
    public void Media_types_name_the_format(string? mediaType, CaptionFormat? format) =>
        Assert.Equal(format, CaptionFormats.FromMediaType(mediaType));

    [Theory]
    [InlineData("line 12: the cue ends at 00:00:04.000, not after its start at 00:00:05.000", 12)]
    [InlineData("line 1: the file has no cues", 1)]
    [InlineData("line 0: no such line", null)]
    [InlineData("line x: not a number", null)]
    [InlineData("'english' is not a BCP 47 language tag", null)]
    public void A_problem_reads_back_from_the_form_the_API_gives_it(string text, int? line)
    {
        var problem = CaptionProblem.Parse(text);
        Assert.Equal(line, problem?.Line);
        if (problem is not null) Assert.Equal(text, problem.ToString());
    }

    [Fact]
    public void Passages_group_cues_up_to_forty_seconds_and_never_straddle_a_chapter()
    {
        var cues = Enumerable.Range(0, 20).Select(i => new CaptionCue(TimeSpan.FromSeconds(i * 5), TimeSpan.FromSeconds(i * 5 + 5), $"Cue {i}.")).ToList();
        var track = new CaptionTrack { Key = Guid.NewGuid(), Language = "en", Label = "English", Cues = cues };
        Chapter Chapter(int index, int start) => new() { Key = Guid.NewGuid(), Index = index, Title = $"Part {index}", Slug = $"part-{index}", Start = start };
        var chapters = new[] { Chapter(0, 0), Chapter(1, 50) };

        var passages = Transcript.Passages(track, chapters);

        Assert.Equal([0, 40, 50, 90], passages.Select(p => p.Start));
        Assert.Equal(["Part 0", "Part 0", "Part 1", "Part 1"], passages.Select(p => p.Chapter!.Title));
        Assert.Equal("Cue 8. Cue 9.", passages[1].Text);
        Assert.All(passages, p => Assert.True(p.Cues[^1].End - p.Cues[0].Start <= Transcript.PassageLength));
    }
}
