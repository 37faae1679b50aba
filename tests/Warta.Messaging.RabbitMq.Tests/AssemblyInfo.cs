[assembly: System.Runtime.InteropServices.ComVisible(false)]
