namespace MeetStream.Client.Realtime;

/// <summary>Which of a bot's real-time sockets a <see cref="RealtimeChannelSession"/> is.</summary>
public enum RealtimeChannelKind
{
    /// <summary>The live-audio socket (<c>live_audio_required.websocket_url</c>): an <see cref="AudioChannelSession"/>.</summary>
    Audio,

    /// <summary>The control socket (<c>socket_connection_url.websocket_url</c>): a <see cref="ControlChannelSession"/>.</summary>
    Control,

    /// <summary>The live-video socket (<c>live_video_required.websocket_url</c>): a <see cref="VideoChannelSession"/>.</summary>
    Video,
}
