using System.Text;
using MeetStream.Client.Realtime;
using MeetStream.Client.Tests.Realtime.Support;

namespace MeetStream.Client.Tests.Realtime;

public sealed class AudioFrameParserTests
{
    [Fact]
    public void TryParse_ValidFrame_ReturnsSpeakerAndPcm()
    {
        // 0x01 | sid_length=5 LE | "spk_1" | sname_length=5 LE | "Alice" | PCM 0x0102, 0xFFFE
        byte[] frame = [0x01, 0x05, 0x00, (byte)'s', (byte)'p', (byte)'k', (byte)'_', (byte)'1', 0x05, 0x00, (byte)'A', (byte)'l', (byte)'i', (byte)'c', (byte)'e', 0x02, 0x01, 0xFE, 0xFF];

        Assert.True(BinaryAudioFrame.TryParse(frame, out var parsed, out var error));

        Assert.Equal(AudioFrameParseError.None, error);
        Assert.Equal("spk_1", parsed.GetSpeakerId());
        Assert.Equal("Alice", parsed.GetSpeakerName());
        Assert.Equal([0x02, 0x01, 0xFE, 0xFF], parsed.Pcm.ToArray());
        Assert.Equal([(short)0x0102, (short)-2], parsed.Samples.ToArray());
        Assert.Equal(2, parsed.SampleCount);
    }

    [Fact]
    public void TryParse_EmptyIdNameAndPcm_IsValid()
    {
        byte[] frame = [0x01, 0x00, 0x00, 0x00, 0x00];

        Assert.True(BinaryAudioFrame.TryParse(frame, out var parsed, out _));

        Assert.True(parsed.SpeakerIdUtf8.IsEmpty);
        Assert.True(parsed.SpeakerNameUtf8.IsEmpty);
        Assert.Equal(0, parsed.SampleCount);
        Assert.Equal(TimeSpan.Zero, parsed.Duration);
    }

    [Fact]
    public void TryParse_MultiByteUtf8Names_DecodesThem()
    {
        var frame = AudioFrameWriter.CreateFrame("id-ß", "Zoë 🎙️ 山田", Pcm.Bytes(Pcm.Marked(7, 4)));

        Assert.True(BinaryAudioFrame.TryParse(frame, out var parsed, out _));

        Assert.Equal("id-ß", parsed.GetSpeakerId());
        Assert.Equal("Zoë 🎙️ 山田", parsed.GetSpeakerName());
        Assert.Equal([7, 7, 7, 7], parsed.Samples.ToArray());
    }

    [Fact]
    public void TryParse_OneSecondFrame_DurationIsOneSecond()
    {
        var frame = AudioFrameWriter.CreateFrame("s", "NoSpeaker", new short[48_000]);

        Assert.True(BinaryAudioFrame.TryParse(frame, out var parsed, out _));

        Assert.Equal(TimeSpan.FromSeconds(1), parsed.Duration);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x01 })]
    [InlineData(new byte[] { 0x01, 0x00 })]
    [InlineData(new byte[] { 0x01, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x01, 0x00, 0x00, 0x00 })]
    public void TryParse_ShorterThanFiveBytes_TooShort(byte[] frame)
    {
        Assert.False(BinaryAudioFrame.TryParse(frame, out var parsed, out var error));

        Assert.Equal(AudioFrameParseError.TooShort, error);
        Assert.True(parsed.Pcm.IsEmpty);
    }

    [Theory]
    [InlineData((byte)0x00)]
    [InlineData((byte)0x02)]
    [InlineData((byte)0x7F)]
    [InlineData((byte)0xFF)]
    public void TryParse_OtherMessageType_UnknownType(byte type)
    {
        byte[] frame = [type, 0x00, 0x00, 0x00, 0x00, 0x10, 0x20];

        Assert.False(BinaryAudioFrame.TryParse(frame, out _, out var error));

        Assert.Equal(AudioFrameParseError.UnknownType, error);
    }

    [Fact]
    public void TryParse_ShortFrameOfOtherType_UnknownTypeWins()
    {
        Assert.False(BinaryAudioFrame.TryParse([0x02, 0x00], out _, out var error));

        Assert.Equal(AudioFrameParseError.UnknownType, error);
    }

    [Fact]
    public void TryParse_SpeakerIdLengthPastEnd_LengthPastEnd()
    {
        // sid_length = 10 but only 4 bytes follow.
        byte[] frame = [0x01, 0x0A, 0x00, (byte)'a', (byte)'b', 0x00, 0x00];

        Assert.False(BinaryAudioFrame.TryParse(frame, out _, out var error));

        Assert.Equal(AudioFrameParseError.LengthPastEnd, error);
    }

    [Fact]
    public void TryParse_SpeakerIdLeavesNoRoomForNameLength_LengthPastEnd()
    {
        // sid_length = 2 consumes the bytes where sname_length should be.
        byte[] frame = [0x01, 0x02, 0x00, (byte)'a', (byte)'b'];

        Assert.False(BinaryAudioFrame.TryParse(frame, out _, out var error));

        Assert.Equal(AudioFrameParseError.LengthPastEnd, error);
    }

    [Fact]
    public void TryParse_SpeakerNameLengthPastEnd_LengthPastEnd()
    {
        byte[] frame = [0x01, 0x01, 0x00, (byte)'a', 0x05, 0x00, (byte)'B', (byte)'o'];

        Assert.False(BinaryAudioFrame.TryParse(frame, out _, out var error));

        Assert.Equal(AudioFrameParseError.LengthPastEnd, error);
    }

    [Fact]
    public void TryParse_MaximumLengthsPastEnd_LengthPastEnd()
    {
        byte[] frame = [0x01, 0xFF, 0xFF, 0x00, 0x00];

        Assert.False(BinaryAudioFrame.TryParse(frame, out _, out var error));

        Assert.Equal(AudioFrameParseError.LengthPastEnd, error);
    }

    [Fact]
    public void TryParse_NameExactlyToEnd_ValidWithNoPcm()
    {
        byte[] frame = [0x01, 0x01, 0x00, (byte)'a', 0x02, 0x00, (byte)'B', (byte)'o'];

        Assert.True(BinaryAudioFrame.TryParse(frame, out var parsed, out _));

        Assert.Equal("Bo", parsed.GetSpeakerName());
        Assert.True(parsed.Pcm.IsEmpty);
    }

    [Fact]
    public void TryParse_InvalidUtf8SpeakerId_InvalidUtf8()
    {
        byte[] frame = [0x01, 0x02, 0x00, 0xC3, 0x28, 0x00, 0x00, 0x01, 0x00];

        Assert.False(BinaryAudioFrame.TryParse(frame, out _, out var error));

        Assert.Equal(AudioFrameParseError.InvalidUtf8, error);
    }

    [Fact]
    public void TryParse_InvalidUtf8SpeakerName_InvalidUtf8()
    {
        // A lone continuation byte, then a truncated 3-byte sequence.
        byte[] frame = [0x01, 0x00, 0x00, 0x03, 0x00, 0x80, 0xE2, 0x82, 0x01, 0x00];

        Assert.False(BinaryAudioFrame.TryParse(frame, out _, out var error));

        Assert.Equal(AudioFrameParseError.InvalidUtf8, error);
    }

    [Fact]
    public void TryParse_OddPcmLength_KeepsBytesAndIgnoresLastByteAsSample()
    {
        byte[] frame = [0x01, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x09];

        Assert.True(BinaryAudioFrame.TryParse(frame, out var parsed, out _));

        Assert.Equal(3, parsed.Pcm.Length);
        Assert.Equal([(short)1], parsed.Samples.ToArray());
    }

    [Fact]
    public void TryParse_OverloadWithoutError_MatchesResult()
    {
        Assert.False(BinaryAudioFrame.TryParse([0x01, 0x00], out _));
        Assert.True(BinaryAudioFrame.TryParse([0x01, 0x00, 0x00, 0x00, 0x00], out _));
    }

    [Fact]
    public void CopySamplesTo_ShortDestination_Throws()
    {
        var frame = AudioFrameWriter.CreateFrame("a", "b", new short[4]);
        Assert.True(BinaryAudioFrame.TryParse(frame, out var parsed, out _));
        var destination = new short[3];
        short[]? thrown = null;
        try
        {
            parsed.CopySamplesTo(destination);
        }
        catch (ArgumentException)
        {
            thrown = destination;
        }

        Assert.NotNull(thrown);
    }

    [Fact]
    public void CreateFrame_FromSamples_WritesLittleEndianLayout()
    {
        var frame = AudioFrameWriter.CreateFrame("ab", "C", [0x0102, -1]);

        Assert.Equal(new byte[] { 0x01, 0x02, 0x00, (byte)'a', (byte)'b', 0x01, 0x00, (byte)'C', 0x02, 0x01, 0xFF, 0xFF }, frame);
    }

    [Fact]
    public void Write_DestinationTooShort_ThrowsNamingSizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => AudioFrameWriter.Write(new byte[6], "ab", "C", []));

        Assert.Equal("destination", ex.ParamName);
        Assert.Contains("8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateFrame_NameLongerThan65535Bytes_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => AudioFrameWriter.CreateFrame("id", new string('x', 65_536), Array.Empty<byte>()));

        Assert.Equal("speakerName", ex.ParamName);
    }

    [Fact]
    public void CreateFrame_NullSpeakerId_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => AudioFrameWriter.CreateFrame(null!, "n", Array.Empty<byte>()));
    }

    [Fact]
    public void GetFrameLength_CountsUtf8Bytes()
    {
        Assert.Equal(5 + 2 + Encoding.UTF8.GetByteCount("é") + 10, AudioFrameWriter.GetFrameLength("ab", "é", 10));
    }
}
