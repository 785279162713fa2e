namespace MeetStream.Client.Testing;

/// <summary>What kind of transcription a bot's provider gives.</summary>
internal enum TranscriptionKind
{
    /// <summary>No provider: no transcript id, no transcript.</summary>
    None,

    /// <summary>A post-call provider (deepgram, assemblyai, jigsawstack, sarvam, meetstream): a transcript after the call.</summary>
    PostCall,

    /// <summary>A streaming provider (<c>*_streaming</c>): live chunks only; the post-call transcript stays 202.</summary>
    Streaming,

    /// <summary><c>meeting_captions</c>: live chunks and a caption file; no transcript id.</summary>
    Captions,
}
