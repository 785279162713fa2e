using System.Text.Json;
using MeetStream.Client.Serialization;

namespace MeetStream.Client.Tests.Agents;

public sealed class AgentModelTests
{
    [Fact]
    public void AgentToolToString_WithHeaders_NeverShowsHeaderValues()
    {
        var tool = new AgentTool { Name = "lookup", Url = "https://api.example.com", Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer tool-secret-9" } };

        var text = tool.ToString();

        Assert.DoesNotContain("tool-secret-9", text, StringComparison.Ordinal);
        Assert.Contains("Authorization=***", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AgentMcpServerToString_WithHeaders_NeverShowsHeaderValues()
    {
        var server = new AgentMcpServer { Url = "https://mcp.example.com/mcp", Headers = new Dictionary<string, string> { ["X-Api-Key"] = "mcp-secret-1" } };

        Assert.DoesNotContain("mcp-secret-1", server.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WakeWords_ArrayWithBlanks_AreTrimmedAndBlanksDropped()
    {
        var settings = JsonSerializer.Deserialize("""{"words":[" hey bot ","",null,"ok bot"]}""", MeetStreamJsonContext.Default.AgentWakeWordSettings)!;

        Assert.Equal(new[] { "hey bot", "ok bot" }, settings.Words);
    }

    [Fact]
    public void WakeWords_Serialize_WritesArrayEvenWhenReadFromString()
    {
        var settings = JsonSerializer.Deserialize("""{"words":"a, b"}""", MeetStreamJsonContext.Default.AgentWakeWordSettings)!;

        var json = JsonSerializer.Serialize(settings, MeetStreamJsonContext.Default.AgentWakeWordSettings);

        Assert.Equal("""{"words":["a","b"]}""", json);
    }

    [Fact]
    public void AgentToolReference_EmptyName_Throws()
    {
        Assert.Throws<ArgumentException>(() => AgentTool.Reference(" "));
    }
}
