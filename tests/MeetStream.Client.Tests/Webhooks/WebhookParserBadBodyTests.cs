using System.Text;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Tests.Webhooks;

public sealed class WebhookParserBadBodyTests
{
    [Fact]
    public void Parse_EmptyBody_ThrowsEmptyBody()
    {
        var error = Assert.Throws<WebhookParseException>(() => WebhookParser.Parse(ReadOnlySpan<byte>.Empty));

        Assert.Equal(WebhookParseError.EmptyBody, error.Error);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"event":"bot.joining","bot_id":"b1""")]
    [InlineData("""{"event":"bot.joining",""")]
    [InlineData("""{"event" "bot.joining"}""")]
    [InlineData("""{"event":"bot.joining"} trailing""")]
    [InlineData("not json at all")]
    [InlineData("   ")]
    public void Parse_MalformedJson_ThrowsInvalidJson(string body)
    {
        var error = Assert.Throws<WebhookParseException>(() => WebhookParser.Parse(body));

        Assert.Equal(WebhookParseError.InvalidJson, error.Error);
        Assert.StartsWith("The webhook body", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"event":"bot.joining"}]""", "an array")]
    [InlineData("\"bot.joining\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    [InlineData("true", "a boolean")]
    public void Parse_RootIsNotAnObject_ThrowsNotAnObject(string body, string described)
    {
        var error = Assert.Throws<WebhookParseException>(() => WebhookParser.Parse(body));

        Assert.Equal(WebhookParseError.NotAnObject, error.Error);
        Assert.Contains(described, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"event":42,"bot_id":"b1"}""", "'event'")]
    [InlineData("""{"event":"bot.joining","bot_event":["bot.joining"]}""", "'bot_event'")]
    [InlineData("""{"event":"bot.joining","bot_id":"b1","status_code":{"code":200}}""", "status_code")]
    [InlineData("""{"event":"bot.done","bot_id":"b1","status_code":"two hundred"}""", "status_code")]
    [InlineData("""{"event":"data_deletion","bot_id":"b1","deleted_objects":"many"}""", "deleted_objects")]
    [InlineData("""{"event":"bot.joining","bot_id":"b1","custom_attributes":"tenant=acme"}""", "custom_attributes")]
    [InlineData("""{"event":"bot.joining","bot_id":"b1","timestamp":{"iso":"2026-05-26T10:11:14Z"}}""", "timestamp")]
    [InlineData("""{"bot_id":"b1","new_text":"hi","words":{"word":"hi"}}""", "words")]
    [InlineData("""{"event":"participant_events.join","data":{"data":{"timestamp":{"relative":"soon"}}}}""", "relative")]
    public void Parse_FieldOfWrongType_ThrowsInvalidFieldNamingIt(string body, string field)
    {
        var error = Assert.Throws<WebhookParseException>(() => WebhookParser.Parse(body));

        Assert.Equal(WebhookParseError.InvalidField, error.Error);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThousandLevelsDeep_ThrowsNestingTooDeepWithoutCrashing()
    {
        var body = "{\"event\":\"bot.joining\",\"x\":" + new string('[', 1000) + new string(']', 1000) + "}";

        var error = Assert.Throws<WebhookParseException>(() => WebhookParser.Parse(body));

        Assert.Equal(WebhookParseError.NestingTooDeep, error.Error);
        Assert.Contains("64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThousandObjectsDeep_ThrowsNestingTooDeep()
    {
        var builder = new StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            builder.Append("{\"a\":");
        }

        builder.Append("1").Append('}', 1000);

        var error = Assert.Throws<WebhookParseException>(() => WebhookParser.Parse(builder.ToString()));

        Assert.Equal(WebhookParseError.NestingTooDeep, error.Error);
    }

    [Fact]
    public void Parse_TenMegabyteBody_ThrowsBodyTooLarge()
    {
        var body = new byte[10 * 1024 * 1024];
        Encoding.UTF8.GetBytes("{\"event\":\"bot.joining\",\"pad\":\"").CopyTo(body, 0);
        body.AsSpan(40).Fill((byte)'a');
        body[^2] = (byte)'"';
        body[^1] = (byte)'}';

        var error = Assert.Throws<WebhookParseException>(() => WebhookParser.Parse(body));

        Assert.Equal(WebhookParseError.BodyTooLarge, error.Error);
        Assert.Contains("10485760", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TenMegabyteBodyWithRaisedLimit_IsRead()
    {
        var body = new byte[10 * 1024 * 1024];
        var head = Encoding.UTF8.GetBytes("{\"event\":\"bot.joining\",\"bot_id\":\"b1\",\"pad\":\"");
        head.CopyTo(body, 0);
        body.AsSpan(head.Length).Fill((byte)'a');
        body[^2] = (byte)'"';
        body[^1] = (byte)'}';

        Assert.IsType<BotJoiningEvent>(WebhookParser.Parse(body, 16 * 1024 * 1024));
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x65, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x65, 0x22, 0x3A, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x7D })]
    public void Parse_InvalidUtf8_ThrowsInvalidUtf8(byte[] body)
    {
        var error = Assert.Throws<WebhookParseException>(() => WebhookParser.Parse(body));

        Assert.Equal(WebhookParseError.InvalidUtf8, error.Error);
    }

    [Fact]
    public void TryParse_BadBody_ReturnsFalseWithError()
    {
        var ok = WebhookParser.TryParse("[1,2]"u8, out var parsed, out var error);

        Assert.False(ok);
        Assert.Null(parsed);
        Assert.Equal(WebhookParseError.NotAnObject, error!.Error);
    }

    [Fact]
    public void TryParse_GoodBody_ReturnsEvent()
    {
        var ok = WebhookParser.TryParse(Encoding.UTF8.GetBytes(WebhookPayloads.VideoProcessed), out var parsed, out var error);

        Assert.True(ok);
        Assert.Null(error);
        Assert.IsType<VideoProcessedEvent>(parsed);
    }

    [Fact]
    public void Parse_ErrorMessage_NeverQuotesTheBody()
    {
        const string secretish = "Ada-Lovelace-private-notes";
        var error = Assert.Throws<WebhookParseException>(() => WebhookParser.Parse($$"""{"event":"bot.joining","message":"{{secretish}}","status_code":[1]}"""));

        Assert.DoesNotContain(secretish, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NonPositiveLimit_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WebhookParser.Parse("{}"u8, 0));
    }

    // Found by fuzzing (tests/Fuzz, webhook-parser): an escaped unpaired UTF-16 surrogate in an envelope field made the
    // parser throw InvalidOperationException instead of WebhookParseException.
    [Theory]
    [InlineData("""{"event":"\ud800","bot_id":"b"}""", "'event'")]
    [InlineData("""{"event":"bot.joining","bot_event":"\udfff"}""", "'bot_event'")]
    [InlineData("""{"event":"bot.joining","bot_id":"\udc00x"}""", "'bot_id'")]
    [InlineData("""{"event":"bot.joining","bot_id":"b","timestamp":"2026\ud800"}""", "'timestamp'")]
    [InlineData("""{"event":"bot.joining","message":"\ud800"}""", "'message'")]
    [InlineData("""{"event":"bot.joining","bot_id":"b","bot_status":"\ud800"}""", "bot_status")]
    public void Parse_EscapedUnpairedSurrogate_ThrowsInvalidFieldNamingIt(string body, string field)
    {
        var error = Assert.Throws<WebhookParseException>(() => WebhookParser.Parse(body));

        Assert.Equal(WebhookParseError.InvalidField, error.Error);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    // Found by the fuzzer (webhook-parser with dict/json.dict) after the fix above: the same in a property name threw
    // InvalidOperationException from the reader's name comparison.
    [Theory]
    [InlineData("""{"bot_id":"6377","timest\udc00amp":"2026-05-21T10:15:12Z","new_text":"the"}""")]
    [InlineData("""{"e\ud80Fiq":"v1","event":"bot.joining"}""")]
    public void Parse_PropertyNameWithUnpairedSurrogate_ThrowsInvalidJson(string body)
    {
        var error = Assert.Throws<WebhookParseException>(() => WebhookParser.Parse(body));

        Assert.Equal(WebhookParseError.InvalidJson, error.Error);
        Assert.Contains("surrogate", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Parse_EscapedSurrogatePair_IsRead()
    {
        var parsed = WebhookParser.Parse("""{"event":"bot.joining","bot_id":"b","message":"\ud83c\udf99 joining"}""");

        Assert.Equal("🎙 joining", parsed.Message);
    }
}
