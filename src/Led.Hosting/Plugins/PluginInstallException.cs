namespace Led.Hosting.Plugins;

/// <summary>A plugin that cannot be installed: the message names the problem and the fix; nothing was installed.</summary>
public sealed class PluginInstallException(string message) : Exception(message);
