using System.Text.Json;
using System.Text.Json.Serialization;

namespace Led.Core.Configuration;

/// <summary>Writes an options enum as the camelCase string a config uses (<c>nll</c>, <c>endToEnd</c>), so a resolved config reads back.</summary>
public sealed class CamelCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.CamelCase) where T : struct, Enum;
