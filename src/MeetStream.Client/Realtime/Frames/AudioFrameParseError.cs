namespace MeetStream.Client.Realtime;

/// <summary>
/// Why a live-audio message could not be read as an audio frame (binary frames and legacy <c>PCMChunk</c> JSON
/// frames). Parsers return it instead of throwing, so a bad frame never ends a session.
/// </summary>
public enum AudioFrameParseError
{
    /// <summary>The frame was read successfully.</summary>
    None = 0,

    /// <summary>The message is shorter than the 5-byte minimum of a binary frame (type and both length fields).</summary>
    TooShort,

    /// <summary>
    /// The message is not PCM audio: a binary frame whose <c>msg_type</c> is not <c>0x01</c>, or a JSON frame whose
    /// <c>type</c> is not <c>PCMChunk</c>. Such frames are skipped, not counted as malformed.
    /// </summary>
    UnknownType,

    /// <summary>A <c>sid_length</c> or <c>sname_length</c> field points past the end of the message.</summary>
    LengthPastEnd,

    /// <summary>The speaker id or speaker name is not valid UTF-8.</summary>
    InvalidUtf8,

    /// <summary>A text frame is not a well-formed JSON object.</summary>
    InvalidJson,

    /// <summary>A legacy <c>PCMChunk</c> frame has no string <c>audioData</c> member.</summary>
    MissingAudioData,

    /// <summary>A legacy <c>PCMChunk</c> frame's <c>audioData</c> is not valid base64.</summary>
    InvalidBase64,
}
