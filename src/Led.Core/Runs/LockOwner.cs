using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Led.Core.Runs;

/// <summary>
/// The process that holds a lock or writes an incomplete run folder: its id, host and start time. It is stale when it
/// ran on this host and that process is no longer running; a holder on another host is never judged from here (its
/// process ids mean nothing on this one) unless it is older than a given age.
/// </summary>
public sealed record LockOwner(int Pid, string Host, DateTimeOffset Started)
{
    /// <summary>This process.</summary>
    public static LockOwner Current { get; } = new(Environment.ProcessId, Environment.MachineName, StartTime());

    /// <summary>Whether the owner is gone: the same host and its process no longer running (or a different process under its id).</summary>
    public bool IsStale(TimeSpan? maximumAge = null)
    {
        if (Host == Environment.MachineName) return !IsRunning(Pid, Started);
        return maximumAge is { } age && DateTimeOffset.UtcNow - Started > age;
    }

    public string ToJson() => new JsonObject
    {
        ["pid"] = Pid,
        ["host"] = Host,
        ["started"] = Started.ToString("O", CultureInfo.InvariantCulture),
    }.ToJsonString();

    /// <summary>The owner written by <see cref="ToJson"/>, or null when the text is not one (e.g. still being written).</summary>
    public static LockOwner? Parse(string text)
    {
        try
        {
            var json = JsonNode.Parse(text)?.AsObject();
            if (json?["pid"]?.GetValue<int>() is not { } pid || json["host"]?.GetValue<string>() is not { } host ||
                !DateTimeOffset.TryParse(json["started"]?.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var started))
                return null;
            return new LockOwner(pid, host, started);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    public override string ToString() => $"process {Pid} on {Host}, started {Started.ToLocalTime():yyyy-MM-dd HH:mm:ss}";

    /// <summary>Whether process <paramref name="pid"/> runs and started no later than <paramref name="started"/> (a later start is another process that reuses the id).</summary>
    private static bool IsRunning(int pid, DateTimeOffset started)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited) return false;
            return process.StartTime.ToUniversalTime() <= started.UtcDateTime.AddSeconds(5);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false;
        }
    }

    private static DateTimeOffset StartTime()
    {
        try
        {
            using var self = Process.GetCurrentProcess();
            return new DateTimeOffset(self.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException)
        {
            return DateTimeOffset.UtcNow;
        }
    }
}
