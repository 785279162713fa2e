using System.Text.Json;

namespace MeetStream.Client.Tests.Transcripts;

public sealed class TranscriptModelTests
{
    [Fact]
    public void GetFullText_WithSpeakers_WritesOneLinePerTurn()
    {
        var transcript = Transcript.Parse(TranscriptFixtures.ProcessedSegments().ToJsonString());

        Assert.Equal(
            "Alice Chen: Good morning, everyone.\nBob Martin: Morning! Shall we start?\nAlice Chen: Yes, let's begin.",
            transcript.GetFullText(includeSpeakers: true));
        Assert.Equal("Good morning, everyone.\nMorning! Shall we start?\nYes, let's begin.", transcript.GetFullText());
        Assert.Equal(transcript.GetFullText(includeSpeakers: true), transcript.ToString());
    }

    [Fact]
    public void GetTextBySpeaker_ThreeTurns_JoinsEachSpeakersTurnsInOrder()
    {
        var transcript = Transcript.Parse(TranscriptFixtures.ProcessedSegments().ToJsonString());

        var bySpeaker = transcript.GetTextBySpeaker();

        Assert.Equal(new[] { "Alice Chen", "Bob Martin" }, bySpeaker.Keys.ToArray());
        Assert.Equal("Good morning, everyone. Yes, let's begin.", bySpeaker["Alice Chen"]);
        Assert.Equal("Morning! Shall we start?", bySpeaker["Bob Martin"]);
        Assert.Equal(new[] { "Alice Chen", "Bob Martin" }, transcript.Speakers);
        Assert.Equal(2, transcript.GetSegmentsBySpeaker("Alice Chen").Count);
        Assert.Equal(2, transcript.GroupBySpeaker()["Alice Chen"].Count);
        Assert.Empty(transcript.GetSegmentsBySpeaker("Carol"));
    }

    [Fact]
    public void Duration_SegmentTimings_SpansFirstStartToLastEnd()
    {
        var transcript = Transcript.Parse(TranscriptFixtures.ProcessedSegments().ToJsonString());

        Assert.Equal(7.4 - 1.04, transcript.Duration!.Value.TotalSeconds, 6);
        Assert.Equal(1.86, transcript.Segments[0].Duration!.Value.TotalSeconds, 6);
    }

    [Fact]
    public void Parse_SegmentWithoutSpeaker_GroupsUnderUnknownSpeaker()
    {
        var transcript = Transcript.Parse("""[{"transcript":"hello"},{"speaker":"","transcript":"there"}]""");

        Assert.Equal("hello there", transcript.GetTextBySpeaker()[Transcript.UnknownSpeaker]);
    }

    [Fact]
    public void Parse_OlderTextField_IsReadAsText()
    {
        var transcript = Transcript.Parse("""{"transcript":[{"speaker":"Ann","text":"From the older docs shape","start_time":3}]}""");

        Assert.Equal("From the older docs shape", transcript.Segments[0].Text);
        Assert.Equal(TranscriptFormat.Segments, transcript.Format);
    }

    [Fact]
    public void Parse_UnreadableAbsoluteTime_GivesNullInsteadOfFailing()
    {
        var transcript = Transcript.Parse("""[{"speaker":"Ann","transcript":"hi","absolute_start_time":"yesterday-ish","absolute_end_time":1795000000}]""");

        Assert.Null(transcript.Segments[0].AbsoluteStartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795000000), transcript.Segments[0].AbsoluteEndTime);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("\"just text\"")]
    [InlineData("{\"status\":\"done\"}")]
    [InlineData("[1,2]")]
    public void Parse_UnknownShape_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => Transcript.Parse(json));
    }

    [Fact]
    public void Serialize_ParsedTranscript_WritesOriginalJson()
    {
        var original = TranscriptFixtures.ParticipantWords().ToJsonString();
        var transcript = Transcript.Parse(original);

        var written = JsonSerializer.Serialize(transcript, Serialization.MeetStreamJsonContext.Default.Transcript);

        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(original).RootElement, JsonDocument.Parse(written).RootElement));
    }

    [Fact]
    public void Constructor_Segments_BuildsDocumentedArrayJson()
    {
        var transcript = new Transcript([new TranscriptSegment { Speaker = "Ann", Text = "Hi", StartTime = 1 }]);

        Assert.Equal("Ann", transcript.Json[0].GetProperty("speaker").GetString());
        Assert.Equal("Hi", transcript.Json[0].GetProperty("transcript").GetString());
    }

    [Fact]
    public void SegmentToString_WithStart_ShowsMinutesSecondsAndSpeaker()
    {
        var segment = new TranscriptSegment { Speaker = "Ann", Text = "Hi", StartTime = 75.4 };

        Assert.Equal("[01:15] Ann: Hi", segment.ToString());
    }
}
