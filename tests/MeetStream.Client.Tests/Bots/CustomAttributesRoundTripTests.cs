using System.Text.Json;
using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;
using MeetStream.Client.Webhooks;

namespace MeetStream.Client.Tests.Bots;

/// <summary>
/// <c>custom_attributes</c> is one type everywhere (a string dictionary): what create sends comes back the same way on
/// status, detail, list and webhook events, and a non-string value that MeetStream echoes is kept as its JSON text.
/// </summary>
public sealed class CustomAttributesRoundTripTests(WireMockServer wireMock)
{
    private const string Id = BotSamples.BotId;

    /// <summary>What the server echoes: one value of every JSON type.</summary>
    private const string Echoed = """{"team":"sales","seats":12,"ratio":0.5,"vip":true,"nested":{"a":[1,"x"]},"none":null,"empty":""}""";

    private static readonly Dictionary<string, string> Expected = new(StringComparer.Ordinal)
    {
        ["team"] = "sales",
        ["seats"] = "12",
        ["ratio"] = "0.5",
        ["vip"] = "true",
        ["nested"] = """{"a":[1,"x"]}""",
        ["none"] = "null",
        ["empty"] = string.Empty,
    };

    private static JsonNode EchoedNode() => JsonNode.Parse(Echoed)!;

    private static KeyValuePair<string, string>[] Sorted(IReadOnlyDictionary<string, string>? attributes) =>
        Assert.IsAssignableFrom<IReadOnlyDictionary<string, string>>(attributes).OrderBy(pair => pair.Key, StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task CreateThenRead_EveryJsonValueType_ReadsTheSameStringDictionaryOnStatusDetailListAndWebhook()
    {
        var ct = TestContext.Current.CancellationToken;
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/bots/create_bot", 201, BotSamples.Created());
        await scope.StubAsync("GET", $"/bots/{Id}/status", 200, new JsonObject { ["bot_id"] = Id, ["status"] = "InMeeting", ["custom_attributes"] = EchoedNode() });
        var detail = BotSamples.DetailRecord();
        detail["custom_attributes"] = EchoedNode();
        await scope.StubAsync("GET", $"/bots/{Id}/detail", 200, new JsonObject { ["bot_details"] = detail });
        var item = new JsonObject { ["bot_id"] = Id, ["status"] = "InMeeting", ["custom_attributes"] = EchoedNode() };
        await scope.StubAsync("GET", "/bots", 200, new JsonObject { ["bots"] = new JsonArray(item), ["hasNextPage"] = false });
        using var client = TestClients.Create(scope);
        var sent = new Dictionary<string, string> { ["team"] = "sales", ["seats"] = "12", ["empty"] = string.Empty };

        await client.Bots.CreateAsync(new CreateBotRequest { MeetingLink = BotSamples.MeetingUrl, BotName = "Notetaker", CustomAttributes = sent }, cancellationToken: ct);
        var status = await client.Bots.GetStatusAsync(Id, ct);
        var details = await client.Bots.GetDetailsAsync(Id, ct);
        var page = await client.Bots.ListPageAsync(cancellationToken: ct);
        var webhook = WebhookParser.Parse($$"""{"event":"bot.inmeeting","bot_id":"{{Id}}","bot_status":"InMeeting","custom_attributes":{{Echoed}}}""");

        var create = (await scope.ReceivedAsync()).Single(r => r.Method == "POST");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"team":"sales","seats":"12","empty":""}"""), create.Json!["custom_attributes"]), create.Body);
        Assert.Equal(Sorted(Expected), Sorted(status.CustomAttributes));
        Assert.Equal(Sorted(Expected), Sorted(details.CustomAttributes));
        Assert.Equal(Sorted(Expected), Sorted(Assert.Single(page.Bots).CustomAttributes));
        Assert.Equal(Sorted(Expected), Sorted(webhook.CustomAttributes));
    }

    [Fact]
    public async Task GetStatusAsync_CustomAttributesNull_ReadsNull()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/status", 200, new JsonObject { ["bot_id"] = Id, ["status"] = "Joining", ["custom_attributes"] = null });
        using var client = TestClients.Create(scope);

        var status = await client.Bots.GetStatusAsync(Id, TestContext.Current.CancellationToken);

        Assert.Null(status.CustomAttributes);
    }

    [Fact]
    public async Task GetStatusAsync_CustomAttributesNotAnObject_ThrowsNamingTheProperty()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", $"/bots/{Id}/status", 200, new JsonObject { ["bot_id"] = Id, ["status"] = "Joining", ["custom_attributes"] = "team=sales" });
        using var client = TestClients.Create(scope);

        var error = await Assert.ThrowsAsync<MeetStreamUnexpectedResponseException>(() => client.Bots.GetStatusAsync(Id, TestContext.Current.CancellationToken));

        var json = Assert.IsAssignableFrom<JsonException>(error.InnerException);
        Assert.Contains("custom_attributes", json.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_DetailsReadFromJson_WritesEveryValueBackAsTheJsonItWas()
    {
        var read = JsonSerializer.Deserialize($$"""{"custom_attributes":{{Echoed}}}""", MeetStream.Client.Serialization.MeetStreamJsonContext.Default.BotDetails)!;

        var written = JsonSerializer.SerializeToNode(read, MeetStream.Client.Serialization.MeetStreamJsonContext.Default.BotDetails)!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Echoed), written["custom_attributes"]), written.ToJsonString());
    }

    [Fact]
    public void Serialize_StatusInfo_WritesEveryAttributeAsAJsonString()
    {
        var info = new BotStatusInfo { BotId = Id, CustomAttributes = Expected };

        var json = JsonSerializer.SerializeToNode(info, MeetStream.Client.Serialization.MeetStreamJsonContext.Default.BotStatusInfo)!;

        Assert.Equal(JsonValueKind.String, json["custom_attributes"]!["seats"]!.GetValueKind());
        Assert.Equal("12", json["custom_attributes"]!["seats"]!.GetValue<string>());
        Assert.Equal("""{"a":[1,"x"]}""", json["custom_attributes"]!["nested"]!.GetValue<string>());
    }
}
