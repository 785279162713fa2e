#!/usr/bin/env python3
"""Writes an open string enumeration (IExtensibleEnum<T> readonly struct) source file.

usage: tools/gen-enum.py OUTPUT.cs Namespace TypeName "summary text" Member=wire:doc [Member=wire:doc ...]
The file is ordinary checked-in C#; the script only saves typing the same pattern for every enum.
"""
import sys

out, ns, name, summary, *members = sys.argv[1:]
lines = [
    "using System.Text.Json.Serialization;",
    "using MeetStream.Client.Serialization;",
    "",
    f"namespace {ns};",
    "",
    "/// <summary>",
    f"/// {summary} Open: values MeetStream adds later are kept; comparison ignores case.",
    "/// </summary>",
    f"[JsonConverter(typeof(ExtensibleEnumJsonConverter<{name}>))]",
    f"public readonly struct {name} : IExtensibleEnum<{name}>",
    "{",
    "    private readonly string? _value;",
    "",
    "    /// <summary>Initializes a value from its wire string.</summary>",
    "    /// <param name=\"value\">The wire string.</param>",
    f"    public {name}(string value)",
    "    {",
    "        ArgumentNullException.ThrowIfNull(value);",
    "        _value = value;",
    "    }",
    "",
]
for m in members:
    member, rest = m.split("=", 1)
    wire, doc = rest.split(":", 1) if ":" in rest else (rest, "")
    doc = (doc + " " if doc else "") + f"(<c>{wire}</c>)."
    lines += [
        f"    /// <summary>{doc}</summary>",
        f"    public static {name} {member} {{ get; }} = new(\"{wire}\");",
        "",
    ]
lines += [
    "    /// <inheritdoc />",
    "    public string Value => _value ?? string.Empty;",
    "",
    "    /// <summary>Compares two values case-insensitively.</summary>",
    "    /// <param name=\"left\">The first value.</param>",
    "    /// <param name=\"right\">The second value.</param>",
    "    /// <returns>Whether they are equal.</returns>",
    f"    public static bool operator ==({name} left, {name} right) => left.Equals(right);",
    "",
    "    /// <summary>Compares two values case-insensitively.</summary>",
    "    /// <param name=\"left\">The first value.</param>",
    "    /// <param name=\"right\">The second value.</param>",
    "    /// <returns>Whether they differ.</returns>",
    f"    public static bool operator !=({name} left, {name} right) => !left.Equals(right);",
    "",
    "    /// <summary>Converts a wire string.</summary>",
    "    /// <param name=\"value\">The wire string.</param>",
    f"    public static implicit operator {name}(string value) => new(value);",
    "",
    "    /// <inheritdoc />",
    f"    public static {name} FromValue(string value) => new(value);",
    "",
    "    /// <inheritdoc />",
    f"    public bool Equals({name} other) => string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);",
    "",
    "    /// <inheritdoc />",
    f"    public override bool Equals(object? obj) => obj is {name} other && Equals(other);",
    "",
    "    /// <inheritdoc />",
    "    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);",
    "",
    "    /// <inheritdoc />",
    "    public override string ToString() => Value;",
    "}",
    "",
]
open(out, "w").write("\n".join(lines))
