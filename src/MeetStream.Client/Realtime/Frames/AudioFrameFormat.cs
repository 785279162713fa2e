namespace MeetStream.Client.Realtime;

/// <summary>
/// The wire format an <see cref="AudioFrame"/> arrived in on the live-audio channel.
/// </summary>
public enum AudioFrameFormat
{
    /// <summary>The current binary frame (<c>0x01</c>, length-prefixed speaker id and name, raw PCM).</summary>
    Binary = 0,

    /// <summary>The legacy JSON text frame <c>{"type":"PCMChunk","speakerName":…,"audioData":"&lt;base64&gt;"}</c>; it carries no speaker id.</summary>
    LegacyJson = 1,
}
