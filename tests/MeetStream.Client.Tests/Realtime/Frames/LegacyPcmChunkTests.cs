using System.Text;
using MeetStream.Client.Realtime;
using MeetStream.Client.Tests.Realtime.Support;

namespace MeetStream.Client.Tests.Realtime;

public sealed class LegacyPcmChunkTests
{
    private static readonly byte[] SamplePcm = Pcm.Bytes([1, -2, 300, short.MinValue]);

    [Fact]
    public void TryParse_DocumentedShape_DecodesNameAndPcm()
    {
        var json = Encoding.UTF8.GetBytes($$"""{ "type": "PCMChunk", "speakerName": "Alice", "audioData": "{{Convert.ToBase64String(SamplePcm)}}" }""");

        Assert.True(LegacyPcmChunk.TryParse(json, out var chunk, out var error));

        Assert.Equal(AudioFrameParseError.None, error);
        Assert.Equal("Alice", chunk.GetSpeakerName());
        Assert.Equal(SamplePcm, chunk.DecodePcm());
    }

    [Fact]
    public void CreateLegacyPcmChunk_RoundTrips()
    {
        var json = AudioFrameWriter.CreateLegacyPcmChunk("Bob", SamplePcm);

        Assert.True(LegacyPcmChunk.TryParse(json, out var chunk, out _));

        Assert.Equal("Bob", chunk.GetSpeakerName());
        var destination = new byte[chunk.MaxPcmLength];
        Assert.True(chunk.TryDecodePcm(destination, out int written));
        Assert.Equal(SamplePcm, destination.AsSpan(0, written).ToArray());
    }

    [Fact]
    public void TryParse_EscapedSlashInBase64_Decodes()
    {
        byte[] pcm = [0xFF, 0xFF, 0xFB, 0xEF]; // base64 "///77w==" contains slashes
        string base64 = Convert.ToBase64String(pcm);
        Assert.Contains('/', base64);
        var json = Encoding.UTF8.GetBytes($$"""{"type":"PCMChunk","speakerName":"A","audioData":"{{base64.Replace("/", "\\/", StringComparison.Ordinal)}}"}""");

        Assert.True(LegacyPcmChunk.TryParse(json, out var chunk, out _));

        Assert.Equal(pcm, chunk.DecodePcm());
    }

    [Fact]
    public void TryParse_UnicodeEscapedName_Unescapes()
    {
        var json = Encoding.UTF8.GetBytes($$"""{"type":"PCMChunk","speakerName":"Zo\u00eb","audioData":"{{Convert.ToBase64String(SamplePcm)}}"}""");

        Assert.True(LegacyPcmChunk.TryParse(json, out var chunk, out _));

        Assert.Equal("Zoë", chunk.GetSpeakerName());
    }

    [Fact]
    public void TryParse_MembersInAnyOrderWithExtras_Decodes()
    {
        var json = Encoding.UTF8.GetBytes($$"""{"audioData":"{{Convert.ToBase64String(SamplePcm)}}","extra":{"nested":[1,2,{"type":"x"}]},"speakerName":"C","type":"PCMChunk","n":null}""");

        Assert.True(LegacyPcmChunk.TryParse(json, out var chunk, out _));

        Assert.Equal("C", chunk.GetSpeakerName());
        Assert.Equal(SamplePcm, chunk.DecodePcm());
    }

    [Fact]
    public void TryParse_NoSpeakerName_HasNoName()
    {
        var json = Encoding.UTF8.GetBytes($$"""{"type":"PCMChunk","audioData":"{{Convert.ToBase64String(SamplePcm)}}"}""");

        Assert.True(LegacyPcmChunk.TryParse(json, out var chunk, out _));

        Assert.False(chunk.HasSpeakerName);
        Assert.Null(chunk.GetSpeakerName());
    }

    [Theory]
    [InlineData("""{"type":"ready","bot_id":"b","message":"Ready to receive messages"}""")]
    [InlineData("""{"type":"ack","audioData":"AAAA"}""")]
    [InlineData("""{"audioData":"AAAA"}""")]
    [InlineData("""{"type":"pcmchunk","audioData":"AAAA"}""")]
    public void TryParse_OtherType_UnknownType(string json)
    {
        Assert.False(LegacyPcmChunk.TryParse(Encoding.UTF8.GetBytes(json), out _, out var error));

        Assert.Equal(AudioFrameParseError.UnknownType, error);
    }

    [Fact]
    public void TryParse_NoAudioData_MissingAudioData()
    {
        Assert.False(LegacyPcmChunk.TryParse("""{"type":"PCMChunk","speakerName":"A"}"""u8, out _, out var error));

        Assert.Equal(AudioFrameParseError.MissingAudioData, error);
    }

    [Fact]
    public void TryParse_AudioDataNotString_MissingAudioData()
    {
        Assert.False(LegacyPcmChunk.TryParse("""{"type":"PCMChunk","audioData":[1,2]}"""u8, out _, out var error));

        Assert.Equal(AudioFrameParseError.MissingAudioData, error);
    }

    [Fact]
    public void TryParse_InvalidBase64_InvalidBase64()
    {
        Assert.False(LegacyPcmChunk.TryParse("""{"type":"PCMChunk","audioData":"not base64!"}"""u8, out _, out var error));

        Assert.Equal(AudioFrameParseError.InvalidBase64, error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"type":"PCMChunk","audioData":"AAAA" """)]
    [InlineData("""[{"type":"PCMChunk","audioData":"AAAA"}]""")]
    [InlineData("\"PCMChunk\"")]
    [InlineData("""{"type":"PCMChunk","audioData":"AAAA"} {}""")]
    public void TryParse_NotAJsonObject_InvalidJson(string json)
    {
        Assert.False(LegacyPcmChunk.TryParse(Encoding.UTF8.GetBytes(json), out _, out var error));

        Assert.Equal(AudioFrameParseError.InvalidJson, error);
    }

    [Fact]
    public void TryParse_InvalidUtf8InName_ReportsError()
    {
        byte[] json = [.. """{"type":"PCMChunk","speakerName":" """u8.ToArray()[..^1], 0xC3, 0x28, .. "\",\"audioData\":\"AAAA\"}"u8.ToArray()];

        Assert.False(LegacyPcmChunk.TryParse(json, out _, out var error));

        Assert.Equal(AudioFrameParseError.InvalidUtf8, error);
    }

    [Fact]
    public void TryDecodePcm_DestinationTooShort_ReturnsFalse()
    {
        var json = AudioFrameWriter.CreateLegacyPcmChunk("A", SamplePcm);
        Assert.True(LegacyPcmChunk.TryParse(json, out var chunk, out _));

        Assert.False(chunk.TryDecodePcm(new byte[2], out _));
    }

    // Found by fuzzing (tests/Fuzz, legacy-pcm-chunk): an escaped unpaired UTF-16 surrogate is valid JSON, but
    // GetSpeakerName and TryDecodePcm then threw InvalidOperationException; an escaped non-base64 character passed TryParse.
    [Theory]
    [InlineData("""{"type":"PCMChunk","audioData":"AAAA","speakerName":"\ud800"}""", AudioFrameParseError.InvalidUtf8)]
    [InlineData("""{"type":"PCMChunk","audioData":"AAAA","speakerName":"A\udc00B"}""", AudioFrameParseError.InvalidUtf8)]
    [InlineData("""{"type":"PCMChunk","audioData":"\ud800AAA"}""", AudioFrameParseError.InvalidBase64)]
    [InlineData("""{"type":"PCMChunk","audioData":"A\u0021AA"}""", AudioFrameParseError.InvalidBase64)]
    public void TryParse_EscapedValueThatIsNotTextOrBase64_FailsWithTypedError(string json, AudioFrameParseError expected)
    {
        Assert.False(LegacyPcmChunk.TryParse(Encoding.UTF8.GetBytes(json), out _, out var error));

        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("""{"\ud800":1,"type":"PCMChunk","audioData":"AAAA"}""")]
    [InlineData("""{"type":"PCMChunk","audioData":"AAAA","\udc00x":"y"}""")]
    public void TryParse_PropertyNameWithUnpairedSurrogate_InvalidJson(string json)
    {
        Assert.False(LegacyPcmChunk.TryParse(Encoding.UTF8.GetBytes(json), out _, out var error));

        Assert.Equal(AudioFrameParseError.InvalidJson, error);
    }

    // Found by the fuzzer (legacy-pcm-chunk, first run): an escaped name that also holds raw invalid UTF-8 skipped the
    // UTF-8 check (only unescaped names were checked) and GetSpeakerName threw InvalidOperationException.
    [Fact]
    public void TryParse_EscapedNameWithRawInvalidUtf8_InvalidUtf8()
    {
        byte[] json = [.. "{\"type\":\"PCMChunk\",\"speakerName\":\"Zo"u8.ToArray(), 0xC3, 0x28, .. "\\u00eb\",\"audioData\":\"AAAA\"}"u8.ToArray()];

        Assert.False(LegacyPcmChunk.TryParse(json, out _, out var error));

        Assert.Equal(AudioFrameParseError.InvalidUtf8, error);
    }

    [Fact]
    public void TryParse_EscapedSurrogatePairInName_IsKept()
    {
        Assert.True(LegacyPcmChunk.TryParse("""{"type":"PCMChunk","audioData":"AAAA","speakerName":"Ada \ud83c\udf99"}"""u8, out var chunk, out _));

        Assert.Equal("Ada 🎙", chunk.GetSpeakerName());
        Assert.Equal(new byte[3], chunk.DecodePcm());
    }
}
