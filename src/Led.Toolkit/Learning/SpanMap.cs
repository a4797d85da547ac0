namespace Led.Toolkit.Learning;

/// <summary>A stage of a compiled path: reads <paramref name="x"/> and writes its result into <paramref name="y"/>.</summary>
public delegate void SpanMap<T>(ReadOnlySpan<T> x, Span<T> y);
