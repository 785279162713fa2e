namespace LambdaPipeline;

/// <summary>Something the local demo needs is missing; the message is one line that names the fix.</summary>
internal sealed class LocalDemoException(string message) : Exception(message);
