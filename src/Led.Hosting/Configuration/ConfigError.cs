namespace Led.Hosting.Configuration;

/// <summary>One problem in a config document, at a JSON path such as <c>encoder.options.latentDim</c>.</summary>
public sealed record ConfigError(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}
