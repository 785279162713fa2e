namespace MeetStream.Client.Realtime;

/// <summary>
/// One binary message of the live-video channel: a piece of the fragmented MP4 stream. Append fragments in order
/// (the first carries the initialization segment) to get a playable file.
/// </summary>
/// <remarks>
/// <see cref="Data"/> points into a pooled buffer reused for the next message: it is valid until the next
/// <c>MoveNextAsync</c> or until the enumeration ends. Write it out inside the loop or keep a copy with <see cref="ToArray"/>.
/// </remarks>
public readonly struct VideoFragment
{
    /// <summary>Initializes a fragment. Sessions create fragments; tests and custom transports may too.</summary>
    /// <param name="data">The fragment bytes.</param>
    /// <param name="sequenceNumber">The zero-based position of the fragment in the stream.</param>
    /// <param name="offset">The byte offset of the fragment in the stream.</param>
    /// <param name="receivedAt">When the fragment was received.</param>
    public VideoFragment(ReadOnlyMemory<byte> data, long sequenceNumber, long offset, DateTimeOffset receivedAt)
    {
        Data = data;
        SequenceNumber = sequenceNumber;
        Offset = offset;
        ReceivedAt = receivedAt;
    }

    /// <summary>Gets the fragment bytes. See the lifetime remarks.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Gets the zero-based position of the fragment in the stream.</summary>
    public long SequenceNumber { get; }

    /// <summary>Gets the byte offset of the fragment in the stream (the sum of the lengths of the fragments before it).</summary>
    public long Offset { get; }

    /// <summary>Gets when the session received the fragment.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>Copies the fragment into a new array you may keep.</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToArray() => Data.ToArray();

    /// <inheritdoc />
    public override string ToString() => $"VideoFragment #{SequenceNumber} ({Data.Length} bytes at {Offset})";
}
