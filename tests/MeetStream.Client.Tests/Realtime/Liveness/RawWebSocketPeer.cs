using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace MeetStream.Client.Tests.Realtime.Liveness;

/// <summary>
/// A bot written on a bare TCP socket: it performs the WebSocket upgrade by hand and then writes whatever frame bytes
/// a test wants, including a header that announces more payload than it will ever send.
/// </summary>
public sealed class RawWebSocketPeer : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    private RawWebSocketPeer(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Connects to <paramref name="uri"/> (<c>ws://127.0.0.1:port/path</c>) and completes the upgrade (101).</summary>
    public static async Task<RawWebSocketPeer> ConnectAsync(Uri uri)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(uri.Host, uri.Port, Token);
        var peer = new RawWebSocketPeer(client);
        string request = $"GET {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Host}:{uri.Port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        await peer._stream.WriteAsync(Encoding.ASCII.GetBytes(request), Token);
        var response = new StringBuilder();
        var one = new byte[1];
        while (!response.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await peer._stream.ReadAsync(one, Token) == 0)
            {
                throw new IOException("The server closed the connection during the upgrade: " + response);
            }

            response.Append((char)one[0]);
        }

        Assert.StartsWith("HTTP/1.1 101", response.ToString(), StringComparison.Ordinal);
        return peer;
    }

    /// <summary>Sends one whole masked text frame.</summary>
    public Task SendTextAsync(string text) => SendFrameAsync(0x81, Encoding.UTF8.GetBytes(text));

    /// <summary>Sends a masked binary frame header that announces <paramref name="announcedLength"/> bytes, then only <paramref name="payload"/>.</summary>
    public async Task SendPartialBinaryAsync(ulong announcedLength, byte[] payload)
    {
        await _stream.WriteAsync(Header(0x82, announcedLength), Token);
        await _stream.WriteAsync(payload, Token);
        await _stream.FlushAsync(Token);
    }

    /// <summary>Reads until the server closes or resets the connection; returns the bytes received.</summary>
    public async Task<int> ReadUntilClosedAsync()
    {
        var buffer = new byte[4096];
        int total = 0;
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer, Token)) > 0)
            {
                total += read;
            }
        }
        catch (IOException)
        {
            // A reset ends it too.
        }

        return total;
    }

    public void Dispose() => _client.Dispose();

    /// <summary>A client frame header with a zero mask key (the payload bytes then go out as they are).</summary>
    private static byte[] Header(byte first, ulong length)
    {
        using var header = new MemoryStream();
        header.WriteByte(first);
        if (length < 126)
        {
            header.WriteByte((byte)(0x80 | (int)length));
        }
        else if (length <= ushort.MaxValue)
        {
            header.WriteByte(0x80 | 126);
            Span<byte> len = stackalloc byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(len, (ushort)length);
            header.Write(len);
        }
        else
        {
            header.WriteByte(0x80 | 127);
            Span<byte> len = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(len, length);
            header.Write(len);
        }

        header.Write([0, 0, 0, 0]);
        return header.ToArray();
    }

    private async Task SendFrameAsync(byte first, byte[] payload)
    {
        await _stream.WriteAsync(Header(first, (ulong)payload.Length), Token);
        await _stream.WriteAsync(payload, Token);
        await _stream.FlushAsync(Token);
    }
}
