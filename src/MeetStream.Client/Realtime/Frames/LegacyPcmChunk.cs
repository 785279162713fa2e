using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace MeetStream.Client.Realtime;

/// <summary>
/// A zero-allocation view of one legacy live-audio text frame,
/// <c>{"type":"PCMChunk","speakerName":"…","audioData":"&lt;base64 PCM16 LE&gt;"}</c> (older bridges and docs).
/// It keeps positions into the JSON it was parsed from; decode the audio with <see cref="TryDecodePcm"/>.
/// </summary>
/// <remarks>
/// The PCM format is the same as in binary frames (signed 16-bit little-endian, 48 kHz, mono). Legacy frames carry no
/// speaker id. Unknown JSON members are ignored.
/// </remarks>
public readonly ref struct LegacyPcmChunk
{
    /// <summary>The <c>type</c> value of legacy audio frames.</summary>
    public const string TypeName = "PCMChunk";

    private readonly ReadOnlySpan<byte> _json;
    private readonly int _audioStart;
    private readonly int _audioLength;
    private readonly bool _audioEscaped;
    private readonly int _nameStart;
    private readonly int _nameLength;
    private readonly bool _nameEscaped;

    private LegacyPcmChunk(ReadOnlySpan<byte> json, int audioStart, int audioLength, bool audioEscaped, int nameStart, int nameLength, bool nameEscaped)
    {
        _json = json;
        _audioStart = audioStart;
        _audioLength = audioLength;
        _audioEscaped = audioEscaped;
        _nameStart = nameStart;
        _nameLength = nameLength;
        _nameEscaped = nameEscaped;
    }

    /// <summary>Gets whether the frame has a string <c>speakerName</c>.</summary>
    public bool HasSpeakerName => _nameStart >= 0;

    /// <summary>Gets the largest number of PCM bytes <see cref="TryDecodePcm"/> can write (size the destination with it).</summary>
    public int MaxPcmLength => Base64.GetMaxDecodedFromUtf8Length(_audioLength);

    /// <summary>Decodes <c>speakerName</c> into a new string.</summary>
    /// <returns>The speaker name, or <see langword="null"/> when the frame has none.</returns>
    public string? GetSpeakerName()
    {
        if (!HasSpeakerName)
        {
            return null;
        }

        if (!_nameEscaped)
        {
            return Encoding.UTF8.GetString(_json.Slice(_nameStart, _nameLength));
        }

        var reader = ReaderAt(_nameStart, _nameLength);
        return reader.GetString();
    }

    /// <summary>Decodes the base64 <c>audioData</c> into raw PCM bytes.</summary>
    /// <param name="destination">At least <see cref="MaxPcmLength"/> bytes to be sure it fits.</param>
    /// <param name="bytesWritten">The number of PCM bytes written.</param>
    /// <returns><see langword="false"/> when the destination is too short or the base64 is invalid.</returns>
    public bool TryDecodePcm(Span<byte> destination, out int bytesWritten)
    {
        if (!_audioEscaped)
        {
            return Decode(_json.Slice(_audioStart, _audioLength), destination, out bytesWritten);
        }

        // JSON may escape characters of the base64 text (typically "\/"): unescape into a pooled buffer first.
        byte[] scratch = ArrayPool<byte>.Shared.Rent(_audioLength);
        try
        {
            var reader = ReaderAt(_audioStart, _audioLength);
            int length = reader.CopyString(scratch);
            return Decode(scratch.AsSpan(0, length), destination, out bytesWritten);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Decodes the base64 <c>audioData</c> into a new array.</summary>
    /// <returns>The raw PCM bytes.</returns>
    /// <exception cref="FormatException"><c>audioData</c> is not valid base64.</exception>
    public byte[] DecodePcm()
    {
        byte[] buffer = new byte[MaxPcmLength];
        if (!TryDecodePcm(buffer, out int written))
        {
            throw new FormatException("The PCMChunk frame's audioData is not valid base64.");
        }

        return written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
    }

    /// <summary>Reads a legacy <c>PCMChunk</c> text frame without throwing.</summary>
    /// <param name="utf8Json">One complete WebSocket text message (UTF-8 JSON).</param>
    /// <param name="chunk">The frame view when the result is <see langword="true"/>; otherwise <see langword="default"/>.</param>
    /// <param name="error">
    /// <see cref="AudioFrameParseError.None"/> on success; otherwise <see cref="AudioFrameParseError.InvalidJson"/>,
    /// <see cref="AudioFrameParseError.UnknownType"/> (another <c>type</c>, e.g. a repeated <c>ready</c>),
    /// <see cref="AudioFrameParseError.MissingAudioData"/>, <see cref="AudioFrameParseError.InvalidBase64"/> or
    /// <see cref="AudioFrameParseError.InvalidUtf8"/> (speaker name).
    /// </param>
    /// <returns>Whether the message is a valid legacy audio frame.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, out LegacyPcmChunk chunk, out AudioFrameParseError error)
    {
        chunk = default;
        bool isPcmChunk = false;
        int audioStart = -1, audioLength = 0, nameStart = -1, nameLength = 0;
        bool audioEscaped = false, nameEscaped = false;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = AudioFrameParseError.InvalidJson;
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isType = reader.ValueTextEquals("type"u8);
                bool isAudio = !isType && reader.ValueTextEquals("audioData"u8);
                bool isName = !isType && !isAudio && reader.ValueTextEquals("speakerName"u8);
                if (!reader.Read())
                {
                    break;
                }

                if (reader.TokenType == JsonTokenType.String)
                {
                    if (isType)
                    {
                        isPcmChunk = reader.ValueTextEquals("PCMChunk"u8);
                    }
                    else if (isAudio)
                    {
                        audioStart = (int)reader.TokenStartIndex + 1;
                        audioLength = reader.ValueSpan.Length;
                        audioEscaped = reader.ValueIsEscaped;
                    }
                    else if (isName)
                    {
                        nameStart = (int)reader.TokenStartIndex + 1;
                        nameLength = reader.ValueSpan.Length;
                        nameEscaped = reader.ValueIsEscaped;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                error = AudioFrameParseError.InvalidJson;
                return false;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a property name that escapes an unpaired UTF-16 surrogate ("\ud800").
            error = AudioFrameParseError.InvalidJson;
            return false;
        }

        if (!isPcmChunk)
        {
            error = AudioFrameParseError.UnknownType;
            return false;
        }

        if (audioStart < 0)
        {
            error = AudioFrameParseError.MissingAudioData;
            return false;
        }

        if (audioEscaped ? !EscapedIsValid(utf8Json, audioStart, audioLength, base64: true) : !Base64.IsValid(utf8Json.Slice(audioStart, audioLength)))
        {
            error = AudioFrameParseError.InvalidBase64;
            return false;
        }

        if (nameStart >= 0 && (nameEscaped ? !EscapedIsValid(utf8Json, nameStart, nameLength, base64: false) : !Utf8.IsValid(utf8Json.Slice(nameStart, nameLength))))
        {
            error = AudioFrameParseError.InvalidUtf8;
            return false;
        }

        chunk = new LegacyPcmChunk(utf8Json, audioStart, audioLength, audioEscaped, nameStart, nameLength, nameEscaped);
        error = AudioFrameParseError.None;
        return true;
    }

    /// <summary>Gets the speaker name as UTF-8 without allocating: a slice of the JSON, or unescaped into <paramref name="scratch"/>.</summary>
    internal bool TryGetSpeakerNameUtf8(Span<byte> scratch, out ReadOnlySpan<byte> name)
    {
        if (!HasSpeakerName)
        {
            name = default;
            return false;
        }

        if (!_nameEscaped)
        {
            name = _json.Slice(_nameStart, _nameLength);
            return true;
        }

        if (scratch.Length < _nameLength)
        {
            name = default;
            return false;
        }

        try
        {
            var reader = ReaderAt(_nameStart, _nameLength);
            int length = reader.CopyString(scratch);
            name = scratch[..length];
            return true;
        }
        catch (InvalidOperationException)
        {
            name = default;
            return false;
        }
    }

    /// <summary>A reader positioned on the (escaped) string value that starts at <paramref name="start"/>.</summary>
    private Utf8JsonReader ReaderAt(int start, int length)
    {
        // The quotes around the value sit just outside [start, start + length).
        var reader = new Utf8JsonReader(_json.Slice(start - 1, length + 2));
        reader.Read();
        return reader;
    }

    /// <summary>
    /// Whether an escaped string value unescapes to valid UTF-8 text (or base64): an escaped unpaired UTF-16 surrogate
    /// (<c>"\ud800"</c>) or raw invalid UTF-8 beside an escape makes the reader throw
    /// <see cref="InvalidOperationException"/> later, so it is rejected here.
    /// </summary>
    private static bool EscapedIsValid(ReadOnlySpan<byte> json, int start, int length, bool base64)
    {
        byte[] scratch = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
        try
        {
            var reader = new Utf8JsonReader(json.Slice(start - 1, length + 2));
            reader.Read();
            int written = reader.CopyString(scratch);
            var value = scratch.AsSpan(0, written);
            return base64 ? Base64.IsValid(value) : Utf8.IsValid(value);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private static bool Decode(ReadOnlySpan<byte> base64, Span<byte> destination, out int bytesWritten)
    {
        var status = Base64.DecodeFromUtf8(base64, destination, out _, out bytesWritten);
        return status == OperationStatus.Done;
    }
}
