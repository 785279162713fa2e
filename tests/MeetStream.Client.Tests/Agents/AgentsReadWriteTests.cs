using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Agents;

public sealed class AgentsReadWriteTests(WireMockServer wireMock)
{
    [Fact]
    public async Task ListAsync_TwoConfigs_SendsGetAndParsesEchoes()
    {
        var scope = wireMock.CreateScope();
        var second = AgentFixtures.Echo("ac_second", "Support Bot");
        second["WakeWord"] = new JsonObject { ["enabled"] = true, ["words"] = "hey support, ok support ,  ", ["timeout"] = 20 };
        await scope.StubAsync("GET", "/mia", 200, new JsonObject { ["agent_configs"] = new JsonArray { AgentFixtures.Echo(), second }, ["count"] = 2 });
        using var client = TestClients.Create(scope);

        var list = await client.Agents.ListAsync(TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/mia", received.Url);
        Assert.Equal(2, list.Count);
        AgentAssertions.FullEcho(list.AgentConfigs![0]);
        Assert.Equal("ac_second", list.AgentConfigs[1].AgentConfigId);
        Assert.Equal(new[] { "hey support", "ok support" }, list.AgentConfigs[1].WakeWord!.Words);
    }

    [Fact]
    public async Task GetAsync_AgentConfigWrapper_SendsIdInQueryAndParses()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/mia", 200, new JsonObject { ["agent_config"] = AgentFixtures.Echo() });
        using var client = TestClients.Create(scope);

        var config = await client.Agents.GetAsync("ac_7f3e2b", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/mia?agent_config_id=ac_7f3e2b", received.Url);
        AgentAssertions.FullEcho(config);
    }

    [Fact]
    public async Task GetAsync_OneItemList_ReturnsThatConfig()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/mia", 200, new JsonObject { ["agent_configs"] = new JsonArray { AgentFixtures.Echo() }, ["count"] = 1 });
        using var client = TestClients.Create(scope);

        var config = await client.Agents.GetAsync("ac_7f3e2b", TestContext.Current.CancellationToken);

        AgentAssertions.FullEcho(config);
    }

    [Fact]
    public async Task GetAsync_ListIgnoringTheFilter_PicksTheMatchingConfig()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/mia", 200, new JsonObject { ["agent_configs"] = new JsonArray { AgentFixtures.Echo("ac_other", "Other"), AgentFixtures.Echo() }, ["count"] = 2 });
        using var client = TestClients.Create(scope);

        var config = await client.Agents.GetAsync("ac_7f3e2b", TestContext.Current.CancellationToken);

        Assert.Equal("Sales Assistant", config.AgentName);
    }

    [Fact]
    public async Task GetAsync_AnswerWithoutTheConfig_ThrowsNotFound()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/mia", 200, new JsonObject { ["agent_configs"] = new JsonArray(), ["count"] = 0 });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => client.Agents.GetAsync("ac_missing", TestContext.Current.CancellationToken));

        Assert.Contains("ac_missing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("agent_configs", ex.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_Status404_ThrowsNotFound()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/mia", 404, new JsonObject { ["message"] = "Agent config not found" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => client.Agents.GetAsync("ac_missing", TestContext.Current.CancellationToken));

        Assert.Equal("Agent config not found", ex.ApiMessage);
    }

    [Fact]
    public async Task GetAsync_Status403_ThrowsPermissionDenied()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/mia", 403, new JsonObject { ["message"] = "You do not own this agent config" });
        using var client = TestClients.Create(scope);

        await Assert.ThrowsAsync<MeetStreamPermissionDeniedException>(() => client.Agents.GetAsync("ac_foreign", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetAsync_SnakeCaseEchoAndLowercaseAvatar_AreRead()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/mia", 200, new JsonObject
        {
            ["agent_config"] = new JsonObject
            {
                ["agent_config_id"] = "ac_snake",
                ["agent_name"] = "Snake",
                ["mode"] = "realtime",
                ["model"] = new JsonObject { ["provider"] = "xai", ["system_prompt"] = "Hi", ["voice"] = "Ara" },
                ["avatar"] = new JsonObject { ["provider"] = "anam", ["avatar_id"] = "av_1" },
                ["wake_word"] = new JsonObject { ["enabled"] = false, ["words"] = "alpha,beta" },
                ["created_at"] = "2026-11-01T00:00:00Z",
            },
        });
        using var client = TestClients.Create(scope);

        var config = await client.Agents.GetAsync("ac_snake", TestContext.Current.CancellationToken);

        Assert.Equal("ac_snake", config.AgentConfigId);
        Assert.Equal("Snake", config.AgentName);
        Assert.Equal(AgentMode.Realtime, config.Mode);
        Assert.Equal(AgentModelProvider.XAI, config.Model!.Provider);
        Assert.Equal("av_1", config.Avatar!.AvatarId);
        Assert.Equal(new[] { "alpha", "beta" }, config.WakeWord!.Words);
        Assert.Equal("2026-11-01T00:00:00Z", config.CreatedAt);
    }

    [Fact]
    public async Task GetAsync_UnknownFields_AreKeptAtEveryLevel()
    {
        var scope = wireMock.CreateScope();
        var echo = AgentFixtures.Echo();
        echo["Workspace"] = "ws_1";
        echo["Model"]!["reasoning_effort"] = "low";
        echo["Agent"]!["speaker_aware"] = true;
        echo["Agent"]!["tools"]![1]!["auth_scheme"] = "bearer";
        echo["Agent"]!["mcp_servers"]![0]!["transport"] = "streamable-http";
        await scope.StubAsync("GET", "/mia", 200, new JsonObject { ["agent_config"] = echo, ["request_ms"] = 12 });
        using var client = TestClients.Create(scope);

        var config = await client.Agents.GetAsync("ac_7f3e2b", TestContext.Current.CancellationToken);

        Assert.Equal("ws_1", config.AdditionalProperties!["Workspace"].GetString());
        Assert.Equal("low", config.Model!.AdditionalProperties!["reasoning_effort"].GetString());
        Assert.True(config.Agent!.AdditionalProperties!["speaker_aware"].GetBoolean());
        Assert.Equal("bearer", config.Agent.Tools![1].AdditionalProperties!["auth_scheme"].GetString());
        Assert.Equal("streamable-http", config.Agent.McpServers![0].AdditionalProperties!["transport"].GetString());
    }

    [Fact]
    public async Task GetAsync_McpServersAsObjectMap_AreReadAsNamedServers()
    {
        var scope = wireMock.CreateScope();
        var echo = AgentFixtures.Echo();
        echo["Agent"]!["mcp_servers"] = new JsonObject
        {
            ["tickets"] = new JsonObject { ["url"] = "https://tickets.example.com/mcp", ["timeout"] = 5 },
            ["docs"] = new JsonObject { ["url"] = "https://docs.example.com/mcp" },
        };
        echo["Agent"]!["tools"] = new JsonObject { ["lookup"] = new JsonObject { ["url"] = "https://api.example.com/lookup" } };
        await scope.StubAsync("GET", "/mia", 200, new JsonObject { ["agent_config"] = echo });
        using var client = TestClients.Create(scope);

        var config = await client.Agents.GetAsync("ac_7f3e2b", TestContext.Current.CancellationToken);

        Assert.Equal(new[] { "tickets", "docs" }, config.Agent!.McpServers!.Select(s => s.Name).ToArray());
        Assert.Equal("https://tickets.example.com/mcp", config.Agent.McpServers![0].Url);
        Assert.Equal(5, config.Agent.McpServers[0].Timeout);
        Assert.Equal("lookup", Assert.Single(config.Agent.Tools!).Name);
    }

    [Fact]
    public async Task UpdateAsync_PartialChange_SendsIdFirstAndOnlySetSections()
    {
        var scope = wireMock.CreateScope();
        var echo = AgentFixtures.Echo();
        echo["Model"]!["temperature"] = 0.3;
        echo["UpdatedAt"] = "2026-11-22T08:00:00";
        await scope.StubAsync("PUT", "/mia", 200, new JsonObject { ["message"] = "Agent config updated successfully", ["agent_config"] = echo });
        using var client = TestClients.Create(scope);

        var updated = await client.Agents.UpdateAsync(
            "ac_7f3e2b",
            new UpdateAgentRequest
            {
                Model = new AgentModelSettings { SystemPrompt = "Answer in one sentence.", Temperature = 0.3 },
                WakeWord = new AgentWakeWordSettings { Enabled = false },
            },
            TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("PUT", received.Method);
        Assert.Equal("/mia", received.Url);
        var body = received.Json!.AsObject();
        Assert.Equal(new[] { "agent_config_id", "model", "wake_word" }, body.Select(p => p.Key).ToArray());
        Assert.Equal("ac_7f3e2b", body["agent_config_id"]!.GetValue<string>());
        Assert.Equal(new[] { "system_prompt", "temperature" }, body["model"]!.AsObject().Select(p => p.Key).ToArray());
        Assert.Equal("Answer in one sentence.", body["model"]!["system_prompt"]!.GetValue<string>());
        Assert.Equal(0.3, body["model"]!["temperature"]!.GetValue<double>());
        Assert.False(body["wake_word"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("Agent config updated successfully", updated.Message);
        Assert.Equal(0.3, updated.AgentConfig!.Model!.Temperature);
        Assert.Equal("2026-11-22T08:00:00", updated.AgentConfig.UpdatedAt);
    }

    [Fact]
    public async Task UpdateAsync_ModeAndAvatarPascalCase_SendsThem()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("PUT", "/mia", 200, new JsonObject { ["message"] = "ok", ["agent_config"] = AgentFixtures.Echo() });
        using var client = TestClients.Create(scope);

        await client.Agents.UpdateAsync(
            "ac_7f3e2b",
            new UpdateAgentRequest
            {
                AgentName = "Renamed",
                Mode = AgentMode.Realtime,
                Avatar = new AgentAvatarSettings { Enabled = false },
                AvatarKey = AgentAvatarKey.PascalCase,
            },
            TestContext.Current.CancellationToken);

        var body = (await scope.SingleReceivedAsync()).Json!.AsObject();
        Assert.Equal(new[] { "agent_config_id", "agent_name", "mode", "Avatar" }, body.Select(p => p.Key).ToArray());
        Assert.Equal("Renamed", body["agent_name"]!.GetValue<string>());
        Assert.Equal("realtime", body["mode"]!.GetValue<string>());
        Assert.False(body["Avatar"]!["enabled"]!.GetValue<bool>());
    }

    [Fact]
    public async Task UpdateAsync_NothingSet_ThrowsWithoutRequest()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Agents.UpdateAsync("ac_1", new UpdateAgentRequest(), TestContext.Current.CancellationToken));

        Assert.Contains("nothing to change", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task UpdateAsync_TemperatureOutOfRange_Throws()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Agents.UpdateAsync("ac_1", new UpdateAgentRequest { Model = new AgentModelSettings { Temperature = -0.1 } }, TestContext.Current.CancellationToken));

        Assert.Contains("between 0 and 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_EmptyId_Throws()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Agents.UpdateAsync(" ", new UpdateAgentRequest { AgentName = "x" }, TestContext.Current.CancellationToken));

        Assert.Equal("agentConfigId", ex.ParamName);
    }

    [Fact]
    public async Task DeleteAsync_Id_SendsItInQueryAndParsesMessage()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/mia", 200, new JsonObject { ["message"] = "Agent config deleted successfully" });
        using var client = TestClients.Create(scope);

        var response = await client.Agents.DeleteAsync("ac_7f3e2b", TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("DELETE", received.Method);
        Assert.Equal("/mia?agent_config_id=ac_7f3e2b", received.Url);
        Assert.Equal(string.Empty, received.Body);
        Assert.Equal("Agent config deleted successfully", response.Message);
    }

    [Fact]
    public async Task DeleteAsync_EmptyBody_ReturnsEmptyResponse()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/mia", 200);
        using var client = TestClients.Create(scope);

        var response = await client.Agents.DeleteAsync("ac 1&x", TestContext.Current.CancellationToken);

        Assert.Null(response.Message);
        Assert.Equal("/mia?agent_config_id=ac%201%26x", (await scope.SingleReceivedAsync()).Url);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task DeleteAsync_EmptyId_ThrowsWithoutRequest(string id)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Agents.DeleteAsync(id, TestContext.Current.CancellationToken));

        Assert.Equal("agentConfigId", ex.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }
}
