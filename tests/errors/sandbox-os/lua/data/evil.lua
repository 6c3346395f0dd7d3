return { os.execute("touch /tmp/pwned") }
