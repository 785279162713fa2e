using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Agents;

public sealed class AgentsCreateTests(WireMockServer wireMock)
{
    [Fact]
    public async Task CreateAsync_FullPipelineConfig_SendsEveryFieldOnTheWire()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/mia", 201, CreatedBody());
        using var client = TestClients.Create(scope);

        await client.Agents.CreateAsync(AgentFixtures.FullPipelineRequest(), TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("POST", received.Method);
        Assert.Equal("/mia", received.Url);
        var body = received.Json!.AsObject();
        Assert.Equal(
            new[] { "agent_name", "mode", "model", "voice", "transcriber", "agent", "audio", "wake_word", "avatar" },
            body.Select(p => p.Key).ToArray());
        Assert.Equal("Sales Assistant", body["agent_name"]!.GetValue<string>());
        Assert.Equal("pipeline", body["mode"]!.GetValue<string>());

        var model = body["model"]!.AsObject();
        Assert.Equal("openai", S(model, "provider"));
        Assert.Equal("gpt-4.1", S(model, "model"));
        Assert.Equal("You help {{customer_name}} with pricing questions.", S(model, "system_prompt"));
        Assert.Equal("Hi, I'm the AI assistant for this call.", S(model, "first_message"));
        Assert.Equal(0.7, D(model, "temperature"));
        Assert.Equal(512, I(model, "max_tokens"));
        Assert.Equal(512, I(model, "max_token"));
        Assert.Equal(1024, I(model, "max_response_output_tokens"));
        Assert.Equal(0.9, D(model, "top_p"));
        Assert.Equal(0.1, D(model, "frequency_penalty"));
        Assert.Equal(0.2, D(model, "presence_penalty"));
        Assert.Equal("alloy", S(model, "voice"));
        Assert.Equal("text", model["modalities"]![1]!.GetValue<string>());
        Assert.False(model["thinking_config"]!["include_thoughts"]!.GetValue<bool>());
        Assert.Equal(1024, model["thinking_config"]!["thinking_budget"]!.GetValue<int>());
        Assert.True(B(model, "enable_affective_dialog"));
        Assert.True(B(model, "proactivity"));
        Assert.False(B(model, "disable_automatic_activity_detection"));
        Assert.Equal(17, model.Count);

        var voice = body["voice"]!.AsObject();
        Assert.Equal("elevenlabs", S(voice, "provider"));
        Assert.Equal("eleven_turbo_v2_5", S(voice, "model"));
        Assert.Equal("21m00Tcm4TlvDq8ikWAM", S(voice, "voice_id"));
        Assert.Equal(1.1, D(voice, "speed"));

        var transcriber = body["transcriber"]!.AsObject();
        Assert.Equal("deepgram", S(transcriber, "provider"));
        Assert.Equal("nova-3", S(transcriber, "model"));
        Assert.Equal("en", S(transcriber, "language"));
        Assert.Equal("Kubernetes", transcriber["boostwords"]![1]!.GetValue<string>());

        var agent = body["agent"]!.AsObject();
        Assert.Equal("web_search", agent["tools"]![0]!.GetValue<string>());
        var tool = agent["tools"]![1]!.AsObject();
        Assert.Equal("lookup_order", S(tool, "name"));
        Assert.Equal("Looks up an order by number.", S(tool, "description"));
        Assert.Equal("https://api.example.com/tools/orders", S(tool, "url"));
        Assert.Equal("POST", S(tool, "method"));
        Assert.Equal("order_number", tool["parameters"]!["required"]![0]!.GetValue<string>());
        Assert.Equal("env:ORDERS_TOKEN", tool["headers"]!["Authorization"]!.GetValue<string>());
        Assert.True(B(tool, "payload_args_only"));
        Assert.Equal(8, D(tool, "timeout_s"));
        Assert.Equal(2, I(tool, "retries"));
        Assert.Equal(4000, I(tool, "response_cap_chars"));
        Assert.True(B(tool, "speak_during_execution"));
        Assert.False(B(tool, "speak_after_execution"));
        Assert.True(B(agent, "tools_enabled"));
        Assert.Equal("audio", S(agent, "response_modality"));
        Assert.Equal("voice", S(agent, "response_type"));
        var mcp = agent["mcp_servers"]![0]!.AsObject();
        Assert.Equal("https://mcp.example.com/mcp", S(mcp, "url"));
        Assert.Equal("Bearer mcp-secret-123", mcp["headers"]!["Authorization"]!.GetValue<string>());
        Assert.Equal("search_docs", mcp["allowed_tools"]![1]!.GetValue<string>());
        Assert.Equal(10, D(mcp, "timeout"));
        Assert.True(B(agent, "preemptive_generation"));
        Assert.Equal(15.5, D(agent, "user_away_timeout"));
        Assert.Equal("adaptive", S(agent, "interruption_mode"));
        Assert.Equal(0.5, agent["interruptions"]!["min_duration_seconds"]!.GetValue<double>());
        Assert.Equal(2, agent["interruptions"]!["word_threshold"]!.GetValue<int>());
        Assert.True(B(agent, "enable_interruptions"));
        Assert.Equal(2.0, D(agent, "false_interruption_timeout"));
        Assert.True(B(agent, "resume_false_interruption"));
        Assert.Equal("medium", S(agent, "vad_eagerness"));
        Assert.Equal("semantic_vad", S(agent, "vad_type"));
        Assert.Equal(0.5, D(agent, "vad_threshold"));
        Assert.Equal(300, I(agent, "vad_prefix_padding_ms"));
        Assert.Equal(500, I(agent, "vad_silence_duration_ms"));
        Assert.Equal(0.6, D(agent, "vad_activation_threshold"));
        Assert.Equal(0.35, D(agent, "vad_deactivation_threshold"));
        Assert.Equal(550, I(agent, "vad_min_silence_duration_ms"));
        Assert.Equal(50, I(agent, "vad_min_speech_duration_ms"));
        Assert.Equal(200, I(agent, "vad_prefix_padding_duration_ms"));
        Assert.Equal("multilingual", S(agent, "turn_detection"));
        Assert.Equal("dynamic", S(agent, "endpointing_mode"));
        Assert.Equal(0.5, D(agent, "min_endpointing_delay"));
        Assert.Equal(3.0, D(agent, "max_endpointing_delay"));
        Assert.Equal(26, agent.Count);

        Assert.Equal(24000, body["audio"]!["sample_rate"]!.GetValue<int>());
        Assert.Equal(1, body["audio"]!["num_channels"]!.GetValue<int>());
        var wake = body["wake_word"]!.AsObject();
        Assert.True(B(wake, "enabled"));
        Assert.Equal(new[] { "hey assistant", "ok meetstream" }, wake["words"]!.AsArray().Select(w => w!.GetValue<string>()).ToArray());
        Assert.Equal(30, I(wake, "timeout"));
        var avatar = body["avatar"]!.AsObject();
        Assert.Equal("anam", S(avatar, "provider"));
        Assert.True(B(avatar, "enabled"));
        Assert.Equal("anam-avatar-7d1", S(avatar, "avatar_id"));
        Assert.False(body.ContainsKey("Avatar"));
    }

    [Fact]
    public async Task CreateAsync_Status201_ParsesIdAndPascalCaseEcho()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/mia", 201, CreatedBody());
        using var client = TestClients.Create(scope);

        var created = await client.Agents.CreateAsync(AgentFixtures.FullPipelineRequest(), TestContext.Current.CancellationToken);

        Assert.Equal("Agent config created successfully", created.Message);
        Assert.Equal("ac_7f3e2b", created.AgentConfigId);
        AgentAssertions.FullEcho(created.AgentConfig!);
    }

    [Fact]
    public async Task CreateAsync_Status200WithoutTopLevelId_TakesIdFromEcho()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/mia", 200, new JsonObject { ["message"] = "created", ["agent_config"] = AgentFixtures.Echo("ac_200") });
        using var client = TestClients.Create(scope);

        var created = await client.Agents.CreateAsync(AgentFixtures.FullPipelineRequest(), TestContext.Current.CancellationToken);

        Assert.Equal("ac_200", created.AgentConfigId);
    }

    [Fact]
    public async Task CreateAsync_AvatarKeyPascalCase_SendsCapitalisedAvatar()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/mia", 201, CreatedBody());
        using var client = TestClients.Create(scope);

        await client.Agents.CreateAsync(AgentFixtures.FullPipelineRequest(AgentAvatarKey.PascalCase), TestContext.Current.CancellationToken);

        var body = (await scope.SingleReceivedAsync()).Json!.AsObject();
        Assert.False(body.ContainsKey("avatar"));
        Assert.Equal("anam-avatar-7d1", body["Avatar"]!["avatar_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateAsync_MinimalRealtimeConfig_SendsOnlyWhatIsSet()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/mia", 201, CreatedBody());
        using var client = TestClients.Create(scope);

        await client.Agents.CreateAsync(
            new CreateAgentRequest
            {
                AgentName = "Realtime Helper",
                Mode = AgentMode.Realtime,
                Model = new AgentModelSettings { Provider = AgentModelProvider.Google, SystemPrompt = "Be brief.", Voice = "Puck" },
            },
            TestContext.Current.CancellationToken);

        var body = (await scope.SingleReceivedAsync()).Json!.AsObject();
        Assert.Equal(new[] { "agent_name", "mode", "model" }, body.Select(p => p.Key).ToArray());
        Assert.Equal("realtime", body["mode"]!.GetValue<string>());
        Assert.Equal(new[] { "provider", "system_prompt", "voice" }, body["model"]!.AsObject().Select(p => p.Key).ToArray());
    }

    [Fact]
    public async Task CreateAsync_Status503_IsNotRetried()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/mia", 503, new JsonObject { ["message"] = "upstream unavailable" });
        using var client = TestClients.Create(scope);

        await Assert.ThrowsAsync<MeetStreamServerException>(() => client.Agents.CreateAsync(AgentFixtures.FullPipelineRequest(), TestContext.Current.CancellationToken));

        Assert.Single(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task CreateAsync_Status400_ThrowsBadRequestWithApiMessage()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("POST", "/mia", 400, new JsonObject { ["message"] = "ElevenLabs API key not configured in Integrations" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamBadRequestException>(() => client.Agents.CreateAsync(AgentFixtures.FullPipelineRequest(), TestContext.Current.CancellationToken));

        Assert.Equal("ElevenLabs API key not configured in Integrations", ex.ApiMessage);
    }

    [Theory]
    [InlineData("name", "agent_name")]
    [InlineData("mode", "mode")]
    [InlineData("model", "model")]
    [InlineData("prompt", "model.system_prompt")]
    [InlineData("temperature", "between 0 and 2")]
    [InlineData("mcp-http", "agent.mcp_servers[0].url")]
    [InlineData("mcp-missing", "agent.mcp_servers[0].url")]
    [InlineData("tool-http", "agent.tools[0].url")]
    [InlineData("tool-duplicate", "unique")]
    [InlineData("tool-no-name", "agent.tools[0].name")]
    [InlineData("anam-no-id", "avatar_id")]
    public async Task CreateAsync_InvalidRequest_ThrowsNamingTheFieldWithoutRequest(string problem, string expected)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);
        var valid = AgentFixtures.FullPipelineRequest();
        var request = problem switch
        {
            "name" => Copy(valid, name: " "),
            "mode" => Copy(valid, mode: default(AgentMode)),
            "model" => Copy(valid, noModel: true),
            "prompt" => Copy(valid, model: new AgentModelSettings { Provider = AgentModelProvider.OpenAI, Model = "gpt-4.1" }),
            "temperature" => Copy(valid, model: new AgentModelSettings { SystemPrompt = "x", Temperature = 2.5 }),
            "mcp-http" => Copy(valid, agent: new AgentBehaviorSettings { McpServers = [new AgentMcpServer { Url = "http://mcp.example.com/mcp" }] }),
            "mcp-missing" => Copy(valid, agent: new AgentBehaviorSettings { McpServers = [new AgentMcpServer { AllowedTools = ["x"] }] }),
            "tool-http" => Copy(valid, agent: new AgentBehaviorSettings { Tools = [new AgentTool { Name = "f", Url = "http://api.example.com/f" }] }),
            "tool-duplicate" => Copy(valid, agent: new AgentBehaviorSettings { Tools = [AgentTool.Reference("f"), new AgentTool { Name = "f", Url = "https://api.example.com/f" }] }),
            "tool-no-name" => Copy(valid, agent: new AgentBehaviorSettings { Tools = [new AgentTool { Url = "https://api.example.com/f" }] }),
            "anam-no-id" => Copy(valid, avatar: new AgentAvatarSettings { Provider = AgentAvatarProvider.Anam, Enabled = true }),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Agents.CreateAsync(request, TestContext.Current.CancellationToken));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal("request", ex.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task CreateAsync_NullRequest_ThrowsArgumentNull()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Agents.CreateAsync(null!, TestContext.Current.CancellationToken));
    }

    internal static JsonObject CreatedBody() => new()
    {
        ["message"] = "Agent config created successfully",
        ["agent_config_id"] = "ac_7f3e2b",
        ["agent_config"] = AgentFixtures.Echo(),
    };

    private static CreateAgentRequest Copy(
        CreateAgentRequest source,
        string? name = null,
        AgentMode? mode = null,
        AgentModelSettings? model = null,
        AgentBehaviorSettings? agent = null,
        AgentAvatarSettings? avatar = null,
        bool noModel = false) => new()
        {
            AgentName = name ?? source.AgentName,
            Mode = mode ?? source.Mode,
            Model = noModel ? null! : model ?? source.Model,
            Voice = source.Voice,
            Transcriber = source.Transcriber,
            Agent = agent ?? source.Agent,
            Audio = source.Audio,
            WakeWord = source.WakeWord,
            Avatar = avatar ?? source.Avatar,
        };

    private static string S(JsonObject o, string name) => o[name]!.GetValue<string>();

    private static double D(JsonObject o, string name) => o[name]!.GetValue<double>();

    private static int I(JsonObject o, string name) => o[name]!.GetValue<int>();

    private static bool B(JsonObject o, string name) => o[name]!.GetValue<bool>();
}
