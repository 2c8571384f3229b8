import time

time.sleep(60)  # a plugin that never returns from import (as far as a test can tell)
