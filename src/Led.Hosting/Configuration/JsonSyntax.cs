using System.Text.Json;

namespace Led.Hosting.Configuration;

/// <summary>Locates a syntax error in JSON text as the configuration reader accepts it (comments and trailing commas allowed).</summary>
public static class JsonSyntax
{
    /// <summary>"line L, column C: what is wrong" (both counted from 1), or null when <paramref name="text"/> parses.</summary>
    public static string? Error(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return null;
        }
        catch (JsonException ex)
        {
            string message = ex.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
            long line = (ex.LineNumber ?? 0) + 1, column = (ex.BytePositionInLine ?? 0) + 1;
            return $"line {line}, column {column}: {message.TrimEnd('.', ' ')}";
        }
    }
}
