using System.Text.Json;
using System.Text.Json.Serialization;
using MeetStream.Client.Serialization;

namespace MeetStream.Client;

/// <summary>
/// A WebSocket URL on your server that the bot dials (<c>{"websocket_url": "wss://…"}</c>).
/// </summary>
public sealed class WebSocketEndpoint : MeetStreamObject
{
    /// <summary>The <c>ws://</c> or <c>wss://</c> URL.</summary>
    [JsonPropertyName("websocket_url")]
    public string? WebSocketUrl { get; init; }

    /// <summary>Creates an endpoint for a URL.</summary>
    /// <param name="url">The <c>ws://</c> or <c>wss://</c> URL.</param>
    /// <returns>The endpoint.</returns>
    public static WebSocketEndpoint For(string url) => new() { WebSocketUrl = url };
}
