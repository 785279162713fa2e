using System.Text.Json;

namespace MeetStream.Client.Testing.Tests.Infrastructure;

/// <summary>The completeness check the response-shape tests rely on does fail when it should.</summary>
public sealed class ModelAssertTests
{
    [Fact]
    public void Complete_MissingDocumentedField_Fails()
    {
        var error = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ModelAssert.Complete(new BotStatusInfo { BotId = "b", Status = BotStatus.Joining }));

        Assert.Contains("custom_attributes is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Complete_UnknownField_Fails()
    {
        var model = new BotAudio { AudioUrl = "https://x", AdditionalProperties = new Dictionary<string, JsonElement> { ["audio_ulr"] = JsonDocument.Parse("1").RootElement } };

        var error = Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ModelAssert.Complete(model));

        Assert.Contains("unknown field 'audio_ulr'", error.Message, StringComparison.Ordinal);
    }
}
