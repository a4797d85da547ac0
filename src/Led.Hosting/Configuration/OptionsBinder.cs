using Led.Toolkit.Validation;
using System.Collections;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Plugins;
using Led.Core.Configuration;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;

namespace Led.Hosting.Configuration;

/// <summary>
/// Binds a config section to an options class and reports every problem at once: unknown keys (with the nearest
/// valid one), values of the wrong type, and failed validation attributes / <see cref="IValidatableObject"/> rules.
/// Properties of type <see cref="IConfigurationSection"/> receive their raw section and are checked elsewhere.
/// </summary>
public static class OptionsBinder
{
    public static object Bind(IConfiguration? section, Type type, string path, List<ConfigError> errors)
    {
        int before = errors.Count;
        if (section is not null) CheckKeys(section, type, path, errors);
        object instance = Activator.CreateInstance(type)!;
        if (section is null) return instance;
        // Keys already reported are left out, so the remaining values are still bound and validated.
        var reported = errors.Skip(before).Select(e => e.Path).ToList();
        var source = reported.Count == 0 ? section : Without(section, path, reported);
        try
        {
            ClearConfiguredLists(source, instance);
            source.Bind(instance);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            errors.Add(new ConfigError(path, ex.Message));
            return instance;
        }
        Validate(instance, path, errors, skip: reported);
        return instance;
    }

    private static IConfiguration Without(IConfiguration section, string path, List<string> reported)
    {
        var kept = section.AsEnumerable(makePathsRelative: true)
            .Where(kv => !reported.Any(r => IsUnder(JsonPath(path, kv.Key), r)))
            .Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value));
        return new ConfigurationBuilder().AddInMemoryCollection(kept).Build();
    }

    private static string JsonPath(string prefix, string key)
    {
        string result = prefix;
        foreach (var part in key.Split(':'))
            result = int.TryParse(part, out _) ? $"{result}[{part}]" : Join(result, part);
        return result;
    }

    private static bool IsUnder(string path, string reported) =>
        path.Equals(reported, StringComparison.OrdinalIgnoreCase) ||
        path.StartsWith(reported + ".", StringComparison.OrdinalIgnoreCase) || path.StartsWith(reported + "[", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Runs validation attributes and rules on an object and on its nested options objects, by the SDK's
    /// <see cref="OptionsValidation"/> rule: attribute and cross-field errors are reported together.
    /// </summary>
    public static void Validate(object instance, string path, List<ConfigError> errors, IReadOnlyList<string>? skip = null)
    {
        foreach (var result in OptionsValidation.Errors(instance))
        {
            var member = result.MemberNames.FirstOrDefault();
            string at = member is null ? path : Join(path, Camel(member));
            if (skip is null || !skip.Any(s => IsUnder(at, s)))
                errors.Add(new ConfigError(at, result.ErrorMessage ?? "invalid value"));
        }
        foreach (var property in Settable(instance.GetType()).Where(p => IsComplex(p.PropertyType)))
            if (property.GetValue(instance) is { } nested)
                Validate(nested, Join(path, Camel(property.Name)), errors, skip);
    }

    /// <summary>
    /// The binder appends config lists to a default list; a list given in the config replaces the default instead (an
    /// empty list in the config gives an empty list).
    /// </summary>
    private static void ClearConfiguredLists(IConfiguration section, object instance)
    {
        foreach (var property in Settable(instance.GetType()))
        {
            var child = section.GetSection(property.Name);
            if (!child.Exists()) continue;
            if (ElementType(property.PropertyType) is not null)
                // A fresh empty list (the binder appends to it), so that an empty JSON list gives an empty list, not null.
                property.SetValue(instance, property.PropertyType is { IsClass: true, IsAbstract: false } && property.PropertyType.GetConstructor(Type.EmptyTypes) is not null
                    ? Activator.CreateInstance(property.PropertyType)
                    : null);
            else if (IsComplex(property.PropertyType) && property.GetValue(instance) is { } nested) ClearConfiguredLists(child, nested);
        }
    }

    private static void CheckKeys(IConfiguration section, Type type, string path, List<ConfigError> errors)
    {
        var properties = Settable(type).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            string childPath = Join(path, child.Key);
            if (!properties.TryGetValue(child.Key, out var property))
            {
                errors.Add(new ConfigError(childPath, UnknownKey(child.Key, properties.Keys)));
                continue;
            }
            CheckValue(child, property.PropertyType, childPath, errors);
        }
    }

    private static void CheckValue(IConfigurationSection child, Type type, string path, List<ConfigError> errors)
    {
        if (type == typeof(IConfigurationSection)) return;
        bool hasChildren = child.GetChildren().Any();
        var element = ElementType(type);
        if (element is not null)
        {
            if (!hasChildren && !string.IsNullOrEmpty(child.Value))
            {
                errors.Add(new ConfigError(path, $"expects a list of {Describe(element)}, got '{child.Value}'"));
                return;
            }
            foreach (var item in child.GetChildren())
            {
                if (!int.TryParse(item.Key, out _))
                {
                    errors.Add(new ConfigError(path, $"expects a list of {Describe(element)}, got an object"));
                    return;
                }
                CheckValue(item, element, $"{path}[{item.Key}]", errors);
            }
            return;
        }
        if (IsComplex(type))
        {
            if (!hasChildren && !string.IsNullOrEmpty(child.Value))
                errors.Add(new ConfigError(path, $"expects an object, got '{child.Value}'"));
            else
                CheckKeys(child, type, path, errors);
            return;
        }
        if (hasChildren)
        {
            errors.Add(new ConfigError(path, $"expects {Describe(type)}, got an object or list"));
            return;
        }
        if (child.Value is null) return;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsEnum)
        {
            // The binder parses any case of a member's name, but also numbers and comma-separated lists: only names pass.
            if (!Enum.GetNames(target).Contains(child.Value.Trim(), StringComparer.OrdinalIgnoreCase))
                errors.Add(new ConfigError(path, $"expects {Describe(target)}, got '{child.Value}'"));
            return;
        }
        try
        {
            TypeDescriptor.GetConverter(target).ConvertFromInvariantString(child.Value);
            if (target == typeof(double) && !double.IsFinite(double.Parse(child.Value, CultureInfo.InvariantCulture)))
                errors.Add(new ConfigError(path, $"expects a finite number, got '{child.Value}'"));
        }
        catch (Exception)
        {
            errors.Add(new ConfigError(path, $"expects {Describe(target)}, got '{child.Value}'"));
        }
    }

    private static string UnknownKey(string key, IEnumerable<string> valid)
    {
        var names = valid.Select(Camel).Order(StringComparer.Ordinal).ToList();
        var nearest = NearestName.Of(key, names);
        return $"unknown key '{key}'" + (nearest is null ? "" : $"; did you mean '{nearest}'?") +
               (names.Count == 0 ? "; this section takes no keys" : $" (valid keys: {string.Join(", ", names)})");
    }

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0);

    private static bool IsComplex(Type type) =>
        type.IsClass && type != typeof(string) && type != typeof(IConfigurationSection) && ElementType(type) is null;

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments().Length == 1)
            return type.GetGenericArguments()[0];
        return null;
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int) || type == typeof(long)) return "an integer";
        if (type == typeof(double) || type == typeof(float)) return "a number";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(string)) return "a string";
        if (type.IsEnum) return $"one of {string.Join(", ", Enum.GetNames(type).Select(n => ConfigName(type, n)))}";
        return type.Name;
    }

    /// <summary>An enum member as configs and resolved configs spell it: its JSON name if it has one, else camel case.</summary>
    private static string ConfigName(Type enumType, string member) =>
        enumType.GetField(member)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? Camel(member);

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
