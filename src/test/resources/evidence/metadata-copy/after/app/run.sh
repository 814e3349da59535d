#!/bin/sh
exec java -cp /app/lib/data.txt Main "$@"
