using System.Text;
using MeetStream.Client.Realtime;

namespace MeetStream.Client.Tests.Realtime;

/// <summary>The control-channel parser on its own: typed messages, unknown ones, and inputs found by fuzzing.</summary>
public sealed class ControlMessageParserTests
{
    [Fact]
    public void Parse_UserMessage_ReturnsTypedMessage()
    {
        var message = Assert.IsType<UserChatMessage>(ControlMessageParser.Parse("""{"command":"usermsg","message":"hi","sender":"Alice"}"""u8));

        Assert.Equal("hi", message.Text);
    }

    // Found by fuzzing (tests/Fuzz, control-message): a discriminator holding an escaped unpaired UTF-16 surrogate is
    // valid JSON, but reading it threw InvalidOperationException out of the parser (and out of the control session).
    [Theory]
    [InlineData("""{"command":"\ud800"}""")]
    [InlineData("""{"type":"\udc00","bot_id":"b"}""")]
    [InlineData("""{"command":"use\ud800rmsg","message":"hi"}""")]
    [InlineData("""{"comm\ud800":1}""")]
    [InlineData("""{"\ud800":1,"type":"status"}""")]
    public void Parse_DiscriminatorWithUnpairedSurrogate_ReturnsUnknownMessage(string json)
    {
        var message = ControlMessageParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.IsType<UnknownControlMessage>(message);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, message.Raw.ValueKind);
    }

    // Found by the fuzzer (control-message, first run): raw invalid UTF-8 inside the discriminator's string is accepted
    // by the JSON reader but not by GetString, which threw InvalidOperationException.
    [Fact]
    public void Parse_DiscriminatorWithInvalidUtf8_ReturnsUnknownMessage()
    {
        byte[] json = [.. "{\"command\":\"interrup"u8.ToArray(), 0xF9, .. "\",\"bot_id\":\"b\"}"u8.ToArray()];

        Assert.IsType<UnknownControlMessage>(ControlMessageParser.Parse(json));
    }

    [Theory]
    [InlineData("""{"type":"ready","bot_id":"\ud800"}""")]
    [InlineData("""{"command":"usermsg","message":"\udfff"}""")]
    [InlineData("""{"command":"interrupt","bot_id":"\ud800\ud800"}""")]
    public void Parse_KnownNameWithUnpairedSurrogateInAField_ReturnsAMessage(string json)
    {
        var message = ControlMessageParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.NotNull(message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1]")]
    [InlineData("{\"command\":")]
    public void Parse_NotAJsonObject_ReturnsNull(string json)
    {
        Assert.Null(ControlMessageParser.Parse(Encoding.UTF8.GetBytes(json)));
    }
}
