# An uncaught InvalidSchema: the traceback's last line is module-qualified.
import requests

requests.get('python://bad')
