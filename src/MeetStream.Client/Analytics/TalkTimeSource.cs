namespace MeetStream.Client.Analytics;

/// <summary>Which data a <see cref="TalkTimeReport"/> was computed from.</summary>
public enum TalkTimeSource
{
    /// <summary>A diarized post-call <see cref="MeetStream.Client.Transcript"/> (segment timings and words).</summary>
    Transcript,

    /// <summary>The speaker timeline (<c>get_speaker_timeline</c>): byte ranges of the audio file, no words.</summary>
    SpeakerTimeline,

    /// <summary>Live mixed audio frames with the dominant speaker's name, run through a voice-activity detector; no words, no overlap.</summary>
    LiveAudio,
}
