using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace MeetStream.Client.Tests.Realtime.Support;

/// <summary>
/// Plays MeetStream's bot on one socket: a real <see cref="ClientWebSocket"/> that sends the handshake and frames,
/// and receives what the customer's server sends.
/// </summary>
public sealed class FakeBot(ClientWebSocket socket) : IDisposable
{
    public ClientWebSocket Socket { get; } = socket;

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public Task SendReadyAsync(string botId) =>
        SendTextAsync($$"""{"type":"ready","bot_id":"{{botId}}","message":"Ready to receive messages"}""");

    public Task SendTextAsync(string json) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, Token);

    public Task SendTextAsync(byte[] json) =>
        Socket.SendAsync(json, WebSocketMessageType.Text, true, Token);

    public Task SendBinaryAsync(byte[] data) =>
        Socket.SendAsync(data, WebSocketMessageType.Binary, true, Token);

    /// <summary>Sends one message split into several WebSocket frames.</summary>
    public async Task SendFragmentedAsync(byte[] data, WebSocketMessageType type, int pieces)
    {
        int size = (data.Length + pieces - 1) / pieces;
        for (int offset = 0; offset < data.Length; offset += size)
        {
            int count = Math.Min(size, data.Length - offset);
            await Socket.SendAsync(data.AsMemory(offset, count), type, offset + count >= data.Length, Token);
        }
    }

    /// <summary>
    /// Receives one whole message; null when the server closed (the close is answered, as MeetStream's bot and
    /// most WebSocket clients do).
    /// </summary>
    public async Task<(WebSocketMessageType Type, byte[] Data)?> ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer, Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (Socket.State == WebSocketState.CloseReceived)
                {
                    await Socket.CloseOutputAsync(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null, Token);
                }

                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return (result.MessageType, message.ToArray());
            }
        }
    }

    /// <summary>Receives one JSON text message; fails on close or binary.</summary>
    public async Task<JsonObject> ReceiveJsonAsync()
    {
        var message = await ReceiveAsync();
        Assert.NotNull(message);
        Assert.Equal(WebSocketMessageType.Text, message.Value.Type);
        return JsonNode.Parse(message.Value.Data)!.AsObject();
    }

    /// <summary>Receives JSON messages until the server closes; returns them and the close status.</summary>
    public async Task<(List<JsonObject> Messages, WebSocketCloseStatus? Status)> ReceiveUntilCloseAsync()
    {
        var messages = new List<JsonObject>();
        while (await ReceiveAsync() is { } message)
        {
            messages.Add(JsonNode.Parse(message.Data)!.AsObject());
        }

        return (messages, Socket.CloseStatus);
    }

    public Task CloseAsync() => Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bot left", Token);

    public void Dispose() => Socket.Dispose();
}
