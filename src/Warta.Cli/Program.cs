using System.CommandLine;

var root = new RootCommand("Warta: turns streams of news reports into tracked stories.");
return root.Parse(args).Invoke();
