using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace MeetStream.Client.Tests.PublicApi;

/// <summary>
/// Writes the public surface of an assembly as sorted, stable text (one line per type and member, with nullability),
/// so an approval test can show every change to the API in review.
/// </summary>
public static class PublicApiGenerator
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static string Generate(Assembly assembly)
    {
        var builder = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            builder.Append(DescribeType(type)).Append('\n');
            foreach (var line in Members(type).Order(StringComparer.Ordinal))
            {
                builder.Append("  ").Append(line).Append('\n');
            }
        }

        return builder.ToString();
    }

    private static string DescribeType(Type type)
    {
        var kind = type switch
        {
            { IsInterface: true } => "interface",
            { IsEnum: true } => "enum",
            { IsValueType: true } => type.IsDefined(typeof(IsReadOnlyAttribute)) ? "readonly struct" : "struct",
            _ when typeof(Delegate).IsAssignableFrom(type) => "delegate",
            { IsAbstract: true, IsSealed: true } => "static class",
            { IsAbstract: true } => "abstract class",
            { IsSealed: true } => "sealed class",
            _ => "class",
        };
        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType) && baseType != typeof(Enum) && !typeof(Delegate).IsAssignableFrom(type))
        {
            bases.Add(Name(baseType));
        }

        var inherited = type.BaseType?.GetInterfaces() ?? [];
        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Except(inherited).Select(Name).Order(StringComparer.Ordinal));
        return $"{kind} {Name(type)}{(bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty)}";
    }

    private static IEnumerable<string> Members(Type type)
    {
        if (type.IsEnum)
        {
            foreach (var name in Enum.GetNames(type))
            {
                yield return $"{name} = {Convert.ToInt64(Enum.Parse(type, name), System.Globalization.CultureInfo.InvariantCulture)}";
            }

            yield break;
        }

        var context = new NullabilityInfoContext();
        foreach (var ctor in type.GetConstructors(Declared).Where(c => !c.IsPrivate && !c.IsAssembly))
        {
            yield return $"{(ctor.IsFamily ? "protected " : string.Empty)}ctor({Parameters(ctor, context)})";
        }

        foreach (var method in type.GetMethods(Declared | BindingFlags.NonPublic).Where(m => (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly) && !m.IsSpecialName))
        {
            var modifiers = (method.IsStatic ? "static " : string.Empty) + (method.IsFamily ? "protected " : string.Empty) + (method.IsAbstract && !type.IsInterface ? "abstract " : string.Empty);
            var generic = method.IsGenericMethod ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;
            yield return $"{modifiers}{Nullable(method.ReturnType, context.Create(method.ReturnParameter))} {method.Name}{generic}({Parameters(method, context)})";
        }

        foreach (var op in type.GetMethods(Declared).Where(m => m.IsSpecialName && (m.Name.StartsWith("op_", StringComparison.Ordinal))))
        {
            yield return $"static {Name(op.ReturnType)} {op.Name}({Parameters(op, context)})";
        }

        foreach (var property in type.GetProperties(Declared))
        {
            var getter = property.GetMethod is { IsPublic: true } or { IsFamily: true };
            var setter = property.SetMethod is { IsPublic: true } or { IsFamily: true };
            if (!getter && !setter)
            {
                continue;
            }

            var isInit = property.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) == true;
            var isStatic = (property.GetMethod ?? property.SetMethod)!.IsStatic;
            var required = property.IsDefined(typeof(RequiredMemberAttribute)) ? "required " : string.Empty;
            var indexer = property.GetIndexParameters() is { Length: > 0 } index ? "this[" + string.Join(", ", index.Select(p => Name(p.ParameterType))) + "]" : property.Name;
            yield return $"{(isStatic ? "static " : string.Empty)}{required}{Nullable(property.PropertyType, context.Create(property))} {indexer} {{ {(getter ? "get; " : string.Empty)}{(setter ? (isInit ? "init; " : "set; ") : string.Empty)}}}";
        }

        foreach (var field in type.GetFields(Declared).Where(f => f.IsPublic || f.IsFamily))
        {
            var modifiers = field.IsLiteral ? "const " : (field.IsStatic ? "static " : string.Empty) + (field.IsInitOnly ? "readonly " : string.Empty);
            var value = field.IsLiteral ? " = " + Literal(field.GetRawConstantValue()) : string.Empty;
            yield return $"{modifiers}{Nullable(field.FieldType, context.Create(field))} {field.Name}{value}";
        }

        foreach (var e in type.GetEvents(Declared))
        {
            yield return $"event {Name(e.EventHandlerType!)} {e.Name}";
        }
    }

    private static string Parameters(MethodBase method, NullabilityInfoContext context) =>
        string.Join(", ", method.GetParameters().Select(p =>
        {
            var prefix = p.IsOut ? "out " : p.ParameterType.IsByRef ? (p.IsIn ? "in " : "ref ") : p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : string.Empty;
            var type = p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType;
            var defaultValue = p.HasDefaultValue ? " = " + Literal(p.DefaultValue) : string.Empty;
            return $"{prefix}{Nullable(type, context.Create(p))} {p.Name}{defaultValue}";
        }));

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
    };

    private static string Nullable(Type type, NullabilityInfo info)
    {
        if (type.IsGenericType && info.GenericTypeArguments.Length == type.GetGenericArguments().Length && type.GetGenericTypeDefinition() != typeof(Nullable<>))
        {
            var definition = type.GetGenericTypeDefinition();
            var args = type.GetGenericArguments().Select((a, i) => Nullable(a, info.GenericTypeArguments[i]));
            var text = Strip(definition) + "<" + string.Join(", ", args) + ">";
            return info.ReadState == NullabilityState.Nullable && !type.IsValueType ? text + "?" : text;
        }

        if (type.IsArray && info.ElementType is { } element)
        {
            return Nullable(type.GetElementType()!, element) + "[]" + (info.ReadState == NullabilityState.Nullable ? "?" : string.Empty);
        }

        var name = Name(type);
        return info.ReadState == NullabilityState.Nullable && !type.IsValueType ? name + "?" : name;
    }

    private static string Name(Type type)
    {
        if (System.Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying) + "?";
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (type.IsGenericType)
        {
            return Strip(type.GetGenericTypeDefinition()) + "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }

        return type.FullName ?? type.Name;
    }

    private static string Strip(Type definition)
    {
        var name = definition.FullName ?? definition.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? name : name[..tick];
    }
}
