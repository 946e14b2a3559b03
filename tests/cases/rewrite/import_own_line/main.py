import plugin, gapmod
print(plugin.Runner().run())
