namespace Led.Cli;

/// <summary>Process exit codes of <c>led</c>.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Failure while running (a diverging simulation, NaN in training, an I/O error).</summary>
    public const int Failure = 1;

    /// <summary>Invalid input: config, arguments or files. Nothing was written.</summary>
    public const int InvalidInput = 2;
}
