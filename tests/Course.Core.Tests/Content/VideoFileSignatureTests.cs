using Course.Core.Content;

namespace Course.Core.Tests.Content;

public sealed class VideoFileSignatureTests
{
    [Fact]
    public void An_iso_media_file_is_mp4()
    {
        byte[] header = [0, 0, 0, 0x20, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2avc1mp41"u8];
        Assert.Equal(".mp4", VideoFileSignature.Extension(header));
    }

    [Fact]
    public void An_ebml_file_of_doc_type_webm_is_webm()
    {
        // The first bytes of the seed's placeholder video, as ffmpeg wrote them.
        var header = Convert.FromHexString("1A45DFA39F4286810142F7810142F2810442F381084282847765626D4287810242858102");
        Assert.Equal(".webm", VideoFileSignature.Extension(header));
        // Cut before the doc type, it could still be any EBML file.
        Assert.Null(VideoFileSignature.Extension(header[..12]));
    }

    [Fact]
    public void Matroska_shares_the_ebml_header_but_is_not_webm()
    {
        Assert.Null(VideoFileSignature.Extension(Convert.FromHexString("1A45DFA3A34286810142F7810142F2810442F381084282886D6174726F736B61")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("4D5A90000300000004000000FFFF0000")] // a Windows program
    [InlineData("89504E470D0A1A0A0000000D49484452")] // a PNG image
    [InlineData("000000206674")] // an mp4 cut short
    public void Anything_else_is_no_video(string hex)
    {
        Assert.Null(VideoFileSignature.Extension(Convert.FromHexString(hex)));
    }
}
