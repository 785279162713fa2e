namespace LambdaPipeline;

/// <summary>A function invoked through a <see cref="LocalRuntimeApi"/> reported an error or could not start.</summary>
internal sealed class LocalInvocationException(string message) : Exception(message);
