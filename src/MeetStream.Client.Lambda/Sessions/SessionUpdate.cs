namespace MeetStream.Client.Lambda;

/// <summary>What a conditional session write did.</summary>
public enum SessionUpdate
{
    /// <summary>The change was written.</summary>
    Applied,

    /// <summary>The session already holds an equal or later state; nothing was written (a late or repeated event).</summary>
    Stale,
}
