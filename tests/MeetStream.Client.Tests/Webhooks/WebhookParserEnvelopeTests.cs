using System.Text;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Tests.Webhooks;

/// <summary>
/// What counts as a MeetStream delivery: a JSON object naming its event in <c>event</c> or <c>bot_event</c> (both
/// generations of the spec), or a live transcript chunk (which has neither). Anything else is rejected with
/// <see cref="WebhookParseError.MissingEventType"/>; unknown event names stay accepted.
/// </summary>
public sealed class WebhookParserEnvelopeTests
{
    [Theory]
    [InlineData("{}", "'event' is missing and 'bot_event' is missing")]
    [InlineData("""{"event":null}""", "'event' is null and 'bot_event' is missing")]
    [InlineData("""{"bot_id":"m"}""", "'event' is missing and 'bot_event' is missing")]
    [InlineData("""{"event":""}""", "'event' is empty")]
    [InlineData("""{"event":"   ","bot_event":null}""", "'event' is blank and 'bot_event' is null")]
    [InlineData("""{"event":null,"bot_event":""}""", "'bot_event' is empty")]
    [InlineData("""{"bot_id":"b1","bot_status":"Joining","message":"Bot is joining","status_code":200,"timestamp":"2026-02-27T07:11:51Z"}""", "'event' is missing")]
    [InlineData("""{"custom_attributes":{"event":"bot.joining"},"data":{"bot_event":"bot.joining"}}""", "'event' is missing")]
    public void Parse_ObjectNamingNoEvent_ThrowsMissingEventTypeSayingWhatIsMissing(string body, string expected)
    {
        var error = Assert.Throws<WebhookParseException>(() => WebhookParser.Parse(body));

        Assert.Equal(WebhookParseError.MissingEventType, error.Error);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void TryParse_ObjectNamingNoEvent_ReturnsFalseWithMissingEventType()
    {
        var ok = WebhookParser.TryParse("""{"bot_id":"m"}"""u8, out var parsed, out var error);

        Assert.False(ok);
        Assert.Null(parsed);
        Assert.Equal(WebhookParseError.MissingEventType, error!.Error);
    }

    [Fact]
    public void Parse_ObjectNamingNoEventWithSecretLikeValues_MessageQuotesNoBodyText()
    {
        var error = Assert.Throws<WebhookParseException>(() => WebhookParser.Parse("""{"bot_id":"whsec_do_not_leak","message":"api-key-123"}"""));

        Assert.DoesNotContain("whsec_do_not_leak", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("api-key-123", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"bot_event":"bot.joining","bot_id":"b1"}""", typeof(BotJoiningEvent))]
    [InlineData("""{"event":"bot.joining","bot_id":"b1"}""", typeof(BotJoiningEvent))]
    [InlineData("""{"event":null,"bot_event":"bot.inmeeting","bot_id":"b1"}""", typeof(BotInMeetingEvent))]
    [InlineData("""{"event":"","bot_event":"bot.recording","bot_id":"b1"}""", typeof(BotRecordingEvent))]
    [InlineData("""{"event":"manifest.completed","bot_event":null,"bot_id":"b1"}""", typeof(ManifestCompletedEvent))]
    [InlineData("""{"event":"bot.teleported"}""", typeof(UnknownWebhookEvent))]
    [InlineData("""{"bot_id":"b1","speakerName":"Ada","new_text":"hi","transcript":"hi"}""", typeof(LiveTranscriptEvent))]
    [InlineData("""{"bot_id":"b1","words":[],"end_of_turn":true}""", typeof(LiveTranscriptEvent))]
    public void Parse_EnvelopeOfEitherGenerationOrTranscriptChunk_IsAccepted(string body, Type expected)
    {
        Assert.IsType(expected, WebhookParser.Parse(body));
    }

    [Fact]
    public void Parse_EventOfWrongType_StaysInvalidFieldNotMissingEventType()
    {
        var error = Assert.Throws<WebhookParseException>(() => WebhookParser.Parse("""{"event":{"name":"bot.joining"}}"""));

        Assert.Equal(WebhookParseError.InvalidField, error.Error);
    }

    [Fact]
    public void Parse_EveryPayloadOfTheTestCatalogue_NamesAnEvent()
    {
        var bodies = typeof(WebhookPayloads).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(WebhookPayloads.BotId))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Append(WebhookPayloads.Lifecycle("bot.joining", "Joining", "Bot is joining"))
            .Append(WebhookPayloads.Stopped("bot.kicked", "Stopped", 200, "Removed"))
            .ToArray();
        Assert.True(bodies.Length >= 18);
        foreach (var body in bodies)
        {
            var parsed = WebhookParser.Parse(Encoding.UTF8.GetBytes(body));
            Assert.True(parsed is LiveTranscriptEvent || parsed.Type.Value.Length > 0, body);
        }
    }

    [Fact]
    public void Parse_ByteArray_ReadsTheSameEventAsSpanAndMemory()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"event":"bot.joining","bot_id":"b1","bot_status":"Joining"}""");

        var fromArray = WebhookParser.Parse(body);
        var fromSpan = WebhookParser.Parse(body.AsSpan());
        var fromMemory = WebhookParser.Parse(body.AsMemory());

        Assert.IsType<BotJoiningEvent>(fromArray);
        Assert.Equal("b1", fromArray.BotId);
        Assert.Equal(fromSpan.BotId, fromArray.BotId);
        Assert.Equal(fromMemory.Type, fromArray.Type);
    }

    [Fact]
    public void Parse_NullByteArray_ThrowsArgumentNullException()
    {
        Assert.Equal("body", Assert.Throws<ArgumentNullException>(() => WebhookParser.Parse((byte[])null!)).ParamName);
    }

    [Fact]
    public void Parse_EmptyByteArray_ThrowsEmptyBody()
    {
        Assert.Equal(WebhookParseError.EmptyBody, Assert.Throws<WebhookParseException>(() => WebhookParser.Parse(Array.Empty<byte>())).Error);
    }
}
